"""The result cache: same findings warm and cold, and invalidated by anything a result depends on."""

import os
import pickle
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from keylint.core.findings import FileResult
from keylint.pipeline.scan import ScanOptions, scan
from keylint.rules.packs import load_rules_cached
from keylint.rules.packs import load_pack, load_rules
from keylint.services.cache import FileCache, analysis_key, ruleset_digest
from tests.conftest import write_tree

EXAMPLE_APP = Path(__file__).resolve().parents[1] / "examples" / "partner_app"


@pytest.fixture
def tree(tmp_path):
    target = tmp_path / "app"
    shutil.copytree(EXAMPLE_APP, target)
    return target


def _scan(tree, cache_dir, rules=None, **options):
    options = ScanOptions(root=str(tree), cache_dir=str(cache_dir), **options)
    return scan([str(tree)], rules or load_rules(), options)


def _dicts(report):
    return [f.to_dict() for f in report.findings], [e.to_dict() for e in report.errors]


def test_warm_scan_reads_everything_from_the_cache_and_finds_the_same(tree, tmp_path):
    cold = _scan(tree, tmp_path / "cache")
    warm = _scan(tree, tmp_path / "cache")
    assert cold.from_cache == 0 and warm.from_cache == warm.files_scanned == cold.files_scanned
    assert cold.findings and _dicts(warm) == _dicts(cold)
    assert warm.suppressed == cold.suppressed


def test_changed_content_is_analysed_again(tree, tmp_path):
    _scan(tree, tmp_path / "cache")
    config = tree / "config" / "vipps.yaml"
    config.write_text(config.read_text("utf-8") + '\nextra:\n  client_secret: "Zq8Lm2Xv7Rt4Kb1Wn9Pd5Hs3Jf6Gc0Ay"\n', "utf-8")
    warm = _scan(tree, tmp_path / "cache")
    assert warm.from_cache == warm.files_scanned - 1
    assert any(f.path == "config/vipps.yaml" and f.rule_id == "KL101" and f.line > 20 for f in warm.findings)


def test_a_changed_module_in_the_data_flow_reanalyses_only_the_modules_whose_flows_change(tmp_path):
    """Other files reach a file's result only through its data flows: when those change the file
    is analysed again (never a stale result), when they do not it comes from the cache."""
    tree = tmp_path / "app"
    write_tree(tree, {
        "helpers.py": "import os\n\ndef token():\n    return os.environ['VIPPS_CLIENT_SECRET']\n",
        "app.py": "import logging\nfrom helpers import token\n\nlogging.info('t=%s', token())\n",
        "other.py": "import os\n\nCLIENT_ID = os.getenv('VIPPS_CLIENT_ID')\nprint(len(CLIENT_ID))\n",
        "config.yaml": "service: shop\n",
    })
    rules = [r for r in load_rules() if r.id == "KL401"]
    cold = _scan(tree, tmp_path / "cache", rules)
    assert [(f.path, f.line) for f in cold.findings] == [("app.py", 4)]
    helpers = tree / "helpers.py"
    helpers.write_text("import os\n\ndef token():\n    return mask(os.environ['VIPPS_CLIENT_SECRET'])\n", "utf-8")
    warm = _scan(tree, tmp_path / "cache", rules)
    assert warm.findings == []  # app.py is unchanged, but its flow is gone: analysed again
    assert warm.from_cache == 2  # other.py (summarised, same flows) and config.yaml
    again = _scan(tree, tmp_path / "cache", rules)
    assert again.findings == [] and again.from_cache == again.files_scanned == 4


def test_same_content_with_a_new_mtime_is_a_hit(tree, tmp_path):
    _scan(tree, tmp_path / "cache")
    settings = tree / "shophub" / "settings.py"
    os.utime(settings, ns=(1, 1))
    warm = _scan(tree, tmp_path / "cache")
    assert warm.from_cache == warm.files_scanned


def test_rule_and_setting_changes_use_another_key(tmp_path):
    rules = load_rules()
    base = analysis_key(ruleset_digest(rules), {"redact": True, "prefilter": True})
    assert analysis_key(ruleset_digest(rules), {"redact": False, "prefilter": True}) != base
    assert analysis_key(ruleset_digest(rules[:1]), {"redact": True, "prefilter": True}) != base
    pack = tmp_path / "pack.yaml"
    pack.write_text(Path(rules[0].pack_path).read_text("utf-8").replace("min_length: 16", "min_length: 17", 1), "utf-8")
    assert analysis_key(ruleset_digest(load_pack(pack)), {"redact": True, "prefilter": True}) != base


def test_edited_pack_is_not_served_from_the_cache(tree, tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(Path(load_rules()[0].pack_path).read_text("utf-8"), "utf-8")
    assert _scan(tree, tmp_path / "cache", rules=load_pack(pack)).from_cache == 0
    pack.write_text(pack.read_text("utf-8").replace("min_length: 16", "min_length: 17", 1), "utf-8")
    assert _scan(tree, tmp_path / "cache", rules=load_pack(pack)).from_cache == 0


def test_redaction_setting_is_part_of_the_key_and_redacted_secrets_stay_redacted(tree, tmp_path):
    redacted = _scan(tree, tmp_path / "cache")
    clear = _scan(tree, tmp_path / "cache", redact=False)
    assert clear.from_cache == 0
    assert [f.snippet for f in clear.findings] != [f.snippet for f in redacted.findings]
    stored = b"".join(p.read_bytes() for p in (tmp_path / "cache").rglob("*.*"))
    secret = b"Zr8Kq1Lm5Xv2Tn9Wb4Pd7Hs3Jf6Gc0Ay"  # not in the example app: sanity check of the probe
    assert secret not in stored
    env_secret = (tree / ".env").read_text("utf-8").split("VIPPS_CLIENT_SECRET=")[1].split()[0].encode()
    assert env_secret in stored  # from the --no-redact run only
    shutil.rmtree(tmp_path / "cache")
    _scan(tree, tmp_path / "cache")
    stored = b"".join(p.read_bytes() for p in (tmp_path / "cache").rglob("*.*"))
    assert env_secret not in stored


def test_corrupt_cache_file_is_ignored(tree, tmp_path):
    cold = _scan(tree, tmp_path / "cache")
    for path in (tmp_path / "cache").rglob("*.*"):
        path.write_bytes(b"not a pickle, not a database")
    again = _scan(tree, tmp_path / "cache")
    assert again.from_cache == 0 and _dicts(again) == _dicts(cold)


def test_file_cache_round_trip(tmp_path):
    stat = os.stat(__file__)
    cache = FileCache(tmp_path, str(tmp_path), "key")
    cache.put("a.py", "digest", stat, FileResult("a.py"))
    cache.save()
    again = FileCache(tmp_path, str(tmp_path), "key")
    assert again.fresh("a.py", stat) == FileResult("a.py")
    assert again.get("a.py", "other digest", stat) is None
    assert FileCache(tmp_path, str(tmp_path), "other key").fresh("a.py", stat) is None
    assert FileCache(tmp_path, "/elsewhere", "key").fresh("a.py", stat) is None


def test_rules_cache_returns_the_same_rules_without_revalidating(tmp_path, monkeypatch):
    first = load_rules_cached([], tmp_path)
    import keylint.rules.packs

    monkeypatch.setattr(keylint.rules.packs, "load_rules", lambda *a, **k: pytest.fail("packs were parsed again"))
    second = load_rules_cached([], tmp_path)
    assert [r.id for r in second] == [r.id for r in first]
    assert second[0].spec.names[0].pattern == first[0].spec.names[0].pattern
    assert pickle.dumps(second[0].docs) == pickle.dumps(first[0].docs)


def test_rules_cache_notices_an_edited_pack(tmp_path):
    pack = tmp_path / "pack.yaml"
    shipped_path = Path(next(r.pack_path for r in load_rules() if r.id == "KL104"))
    shipped = shipped_path.read_text("utf-8")
    pack.write_text(shipped, "utf-8")
    assert len(load_rules_cached([pack], tmp_path / "c", include_shipped=False)) == len(load_pack(shipped_path))
    pack.write_text(shipped.replace("id: KL104", "id: KL199"), "utf-8")
    assert "KL199" in {r.id for r in load_rules_cached([pack], tmp_path / "c", include_shipped=False)}


def test_files_shown_under_the_same_path_are_cached_apart(tree, tmp_path):
    twin = tmp_path / "twin"
    shutil.copytree(tree, twin)
    settings, twin_settings = tree / "shophub" / "settings.py", twin / "shophub" / "settings.py"
    twin_settings.write_text(settings.read_text("utf-8").replace('"e5a6', '"f5a6'), "utf-8")
    stat = settings.stat()
    os.utime(twin_settings, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size and mtime
    options = ScanOptions(root=str(tmp_path / "elsewhere"), cache_dir=str(tmp_path / "cache"))
    rules = [r for r in load_rules() if r.pitfall == "hardcoded-secret"]
    first = scan([str(tree / "shophub")], rules, options)
    second = scan([str(twin / "shophub")], rules, options)
    assert [f.path for f in first.findings] == [f.path for f in second.findings] == ["settings.py"]
    assert "'e5a6" in first.findings[0].message and "'f5a6" in second.findings[0].message


def test_data_flow_summaries_are_cached_and_reused(tree, tmp_path, monkeypatch, process_log):
    from keylint.rules.kinds import taint

    cold = _scan(tree, tmp_path / "cache")
    calls = process_log()
    real = taint.summarise
    monkeypatch.setattr(taint, "summarise", lambda parsed, *args: calls.append(parsed.path) or real(parsed, *args))
    warm = _scan(tree, tmp_path / "cache")
    assert calls.items() == [] and _dicts(warm) == _dicts(cold)
    (tree / "shophub" / "app.py").write_text((tree / "shophub" / "app.py").read_text("utf-8") + "\n# edited\n", "utf-8")
    again = _scan(tree, tmp_path / "cache")
    assert calls.items() == ["shophub/app.py"] and _dicts(again) == _dicts(cold)


def test_project_phase_reads_no_unchanged_file_and_keeps_facts_of_touched_ones(tree, tmp_path, monkeypatch, process_log):
    from keylint.pipeline import project
    from keylint.rules.kinds import taint

    cold = _scan(tree, tmp_path / "cache")
    reads, summarised = process_log(), process_log()
    real_read, real_summarise = project.read_bytes, taint.summarise
    monkeypatch.setattr(project, "read_bytes", lambda source: reads.append(source.rel_path) or real_read(source))
    monkeypatch.setattr(taint, "summarise", lambda parsed, *a: summarised.append(parsed.path) or real_summarise(parsed, *a))
    warm = _scan(tree, tmp_path / "cache")
    assert reads.items() == [] and summarised.items() == [] and _dicts(warm) == _dicts(cold)
    app = tree / "shophub" / "app.py"
    os.utime(app, ns=(app.stat().st_atime_ns, app.stat().st_mtime_ns + 10**9))  # touched, same content
    touched = _scan(tree, tmp_path / "cache")
    assert reads.items() == ["shophub/app.py"] and summarised.items() == [] and _dicts(touched) == _dicts(cold)


def test_project_facts_of_deleted_files_are_dropped(tree, tmp_path):
    _scan(tree, tmp_path / "cache")
    (tree / "shophub" / "app.py").unlink()
    _scan(tree, tmp_path / "cache")
    stored = next((tmp_path / "cache" / "project").rglob("*.sqlite"))
    with closing(sqlite3.connect(stored)) as db:
        names = [name for (name,) in db.execute("SELECT name FROM entries")]
    assert names and not any(name.endswith("\0shophub/app.py") for name in names)
    assert any(name.endswith("\0shophub/settings.py") for name in names)


def _full_scans(monkeypatch) -> list:
    """Records each scan that runs the project phase (one not answered from the last scan's outcome)."""
    from keylint.pipeline import scan as pipeline

    calls, original = [], pipeline.summarise_project
    monkeypatch.setattr(pipeline, "summarise_project", lambda *a, **k: calls.append(1) or original(*a, **k))
    return calls


def test_unchanged_project_is_answered_from_the_last_scan_and_still_reviewed(tree, tmp_path, monkeypatch):
    """No file changed: the stored outcome is the answer (no project phase, no per-file entries),
    and suppression policy, minimum severity and the baseline apply to it as to a full scan."""
    from keylint.pipeline.baseline import Baseline, identity_hash

    (tree / "notes.py").write_text("VALUE = 1  # keylint: ignore[KL101]\n")
    full = _full_scans(monkeypatch)
    cold = _scan(tree, tmp_path / "cache")
    warm = _scan(tree, tmp_path / "cache")
    assert len(full) == 1 and warm.from_cache == warm.files_scanned == cold.files_scanned
    assert cold.findings and _dicts(warm) == _dicts(cold) and warm.project is None
    accepted = next(f for f in cold.findings if f.severity in ("high", "critical"))
    review = dict(min_severity="high", report_unused_suppressions=True, require_reason=True,
                  baseline=Baseline({(accepted.rule_id, accepted.path, identity_hash(accepted)): 1}))
    fast = _scan(tree, tmp_path / "cache", **review)
    assert len(full) == 1
    slow = scan([str(tree)], load_rules(), ScanOptions(root=str(tree), **review))
    assert _dicts(fast) == _dicts(slow) and fast.baselined == slow.baselined == 1
    assert fast.suppression_issues == slow.suppression_issues and fast.suppression_issues
    assert len(fast.findings) < len(cold.findings)


def test_any_changed_file_or_setting_scans_again(tree, tmp_path, monkeypatch):
    full = _full_scans(monkeypatch)
    _scan(tree, tmp_path / "cache")
    settings = tree / "config" / "vipps.yaml"
    stat = settings.stat()
    os.utime(settings, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # same bytes, new mtime
    _scan(tree, tmp_path / "cache")
    (tree / "new.py").write_text("X = 1\n")
    _scan(tree, tmp_path / "cache")
    _scan(tree, tmp_path / "cache", redact=False)
    explained = _scan(tree, tmp_path / "cache", keep_project=True)  # --explain-keys needs the index
    assert len(full) == 5 and explained.project is not None
    _scan(tree, tmp_path / "cache")
    assert len(full) == 5


def test_a_scan_with_a_failed_file_is_not_answered_from_its_outcome(tree, tmp_path, monkeypatch):
    """A file keylint failed on is not cached, so the next scan must try it again."""
    from keylint.pipeline import analyse

    original = analyse.analyse_file

    def crash_on_settings(source, *args, **kwargs):
        if source.rel_path == "config/vipps.yaml":
            raise RuntimeError("boom")
        return original(source, *args, **kwargs)

    monkeypatch.setattr(analyse, "analyse_file", crash_on_settings)
    failed = _scan(tree, tmp_path / "cache", jobs=1)
    assert any("internal error" in e.message for e in failed.errors)
    monkeypatch.setattr(analyse, "analyse_file", original)
    again = _scan(tree, tmp_path / "cache", jobs=1)
    assert not again.errors and any(f.path == "config/vipps.yaml" for f in again.findings)
