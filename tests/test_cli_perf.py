"""The scan command's speed options: --jobs, --no-cache, --cache-dir, --no-prefilter."""

import json
import os
from pathlib import Path

from click.testing import CliRunner

from keylint.cli import main

EXAMPLE_APP = str(Path(__file__).resolve().parents[1] / "examples" / "partner_app")


def _scan(*args, env=None):
    result = CliRunner().invoke(main, ["scan", EXAMPLE_APP, "--format", "json", *args], env=env)
    assert result.exit_code == 1, result.output
    return json.loads(result.output)


def _findings(document):
    return document["findings"]


def test_cache_dir_option_and_environment_variable(tmp_path):
    cold = _scan("--cache-dir", str(tmp_path / "a"))
    warm = _scan(env={"KEYLINT_CACHE_DIR": str(tmp_path / "a")})
    assert cold["stats"]["from_cache"] == 0
    assert warm["stats"]["from_cache"] == warm["stats"]["files_scanned"]
    assert _findings(warm) == _findings(cold)
    assert list((tmp_path / "a").rglob("*.pickle"))


def test_no_cache_writes_nothing(tmp_path):
    _scan("--no-cache", env={"KEYLINT_CACHE_DIR": str(tmp_path / "b")})
    assert not (tmp_path / "b").exists()


def test_jobs_and_no_prefilter_give_the_same_findings(tmp_path):
    base = _scan("--no-cache")
    assert _findings(_scan("--no-cache", "--jobs", "2", "--no-prefilter")) == _findings(base)
    assert _findings(_scan("--no-cache", "-j", "1")) == _findings(base)


def _report(tree, *args, env=None):
    """The JSON report without what may differ between equivalent runs (time, how files were skipped)."""
    result = CliRunner().invoke(main, ["scan", str(tree), "--format", "json", "--report-unused-suppressions", *args], env=env)
    assert result.exit_code in (1, 2, 3), result.output
    document = json.loads(result.output)
    for volatile in ("duration_s", "prefiltered", "from_cache"):
        document["stats"].pop(volatile)
    return document


def test_reports_are_identical_across_jobs_prefilter_and_cache(tmp_path):
    """The speed paths (one worker or several, with or without the prefilter, cold or warm cache,
    files the project phase read once) change nothing in the report: besides the example app,
    files the prefilter rules out that still report something (an unused suppression, an
    undecodable file)."""
    import shutil

    tree = tmp_path / "app"
    shutil.copytree(EXAMPLE_APP, tree)
    (tree / "notes.py").write_text('"""Nothing to find here."""\nVALUE = 1  # keylint: ignore[KL101] -- old key\n')
    (tree / "latin1.py").write_bytes(b'NAME = "caf\xe9"\n')
    cache = str(tmp_path / "cache")
    base = _report(tree, "--no-cache")
    assert base["findings"] and base["errors"]
    assert any(f["path"].endswith("latin1.py") for f in base["errors"])
    assert _report(tree, "--no-cache", "-j", "1") == base
    assert _report(tree, "--no-cache", "-j", "2") == base
    assert _report(tree, "--no-cache", "--no-prefilter") == base
    assert _report(tree, "--cache-dir", cache) == base
    assert _report(tree, "--cache-dir", cache, "-j", "1") == base  # warm


class _Terminal:
    def isatty(self):
        return True


def test_progress_bar_only_for_text_on_a_terminal_outside_ci(monkeypatch):
    from keylint.cli import scan as cli  # the scan command's module
    from keylint.cli.progress import ProgressBar

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(cli.sys, "stderr", _Terminal())
    assert isinstance(cli._progress("text", quiet=False), ProgressBar)
    assert cli._progress("json", quiet=False) is None
    assert cli._progress("sarif", quiet=False) is None
    assert cli._progress("text", quiet=True) is None
    monkeypatch.setenv("CI", "true")
    assert cli._progress("text", quiet=False) is None
    monkeypatch.delenv("CI")
    monkeypatch.undo()
    assert cli._progress("text", quiet=False) is None  # pytest's stderr is not a terminal


def test_progress_bar_stays_silent_on_short_scans(capsys):
    from keylint.cli.progress import ProgressBar

    bar = ProgressBar()
    for done in range(1, 11):
        bar(done, 10)
    assert bar.bar is None and capsys.readouterr().err == ""


def test_progress_bar_counts_up_to_the_total_once():
    from keylint.cli.progress import MIN_FILES, ProgressBar

    bar = ProgressBar()
    for done in (1, MIN_FILES // 2, MIN_FILES, MIN_FILES):
        bar(done, MIN_FILES)
    assert bar.done == MIN_FILES and bar.bar.pos == MIN_FILES


_LARGE = (
    "import logging\nimport os\n\n"
    'VIPPS_CLIENT_SECRET = "Zq8Lm2Xv7Rt4Kb1Wn9Pd5Hs3Jf6Gc0Ay"\n'
    "secret = os.environ['VIPPS_CLIENT_SECRET']\nlogging.info('secret %s', secret)\n"
    + "".join(f"value_{i} = {i}\n" for i in range(400))
)


def test_a_file_over_max_file_size_gets_the_line_search_and_a_notice_in_every_format(tmp_path):
    """Above --max-file-size a file is not parsed: the hardcoded key is still found line by line,
    the data flow (a logged secret) is not, and every format says so for that file."""
    from keylint.report import FORMATS
    from keylint.pipeline.scan import MAX_FILE_BYTES

    (tmp_path / "big.py").write_text(_LARGE)
    (tmp_path / "small.py").write_text("X = 1\n")
    size = (tmp_path / "big.py").stat().st_size
    assert 4096 < size < MAX_FILE_BYTES
    full = _report(tmp_path, "--no-cache")
    assert not full["errors"]
    assert {f["rule_id"] for f in full["findings"]} >= {"KL101", "KL401"}
    for cache in ("--no-cache", "--cache-dir"):
        limited = _report(tmp_path, *([cache] if cache == "--no-cache" else [cache, str(tmp_path / "c")]),
                          "--max-file-size", "4")
        assert [e["message"] for e in limited["errors"]] == [
            f"file of {size / 1024:.1f} KB is larger than --max-file-size (4 KB): not parsed; "
            "searched line by line for hardcoded keys only"]
        assert [f["rule_id"] for f in limited["findings"]] == ["KL101"]
    for name in FORMATS:
        result = CliRunner().invoke(main, ["scan", str(tmp_path), "--no-cache", "--max-file-size", "4", "--format", name])
        assert result.exit_code == 1, name  # the key line by line (findings come before "incomplete")
        assert "max-file-size" in result.output, name
    assert _report(tmp_path, "--no-cache", "--max-file-size", "0") == full


def test_a_file_over_max_file_size_is_not_summarised_for_the_project_phase(tmp_path):
    from keylint.pipeline.scan import ScanOptions, scan
    from keylint.rules.packs import load_rules

    (tmp_path / "big.py").write_text(_LARGE)

    def summarised(limit):
        report = scan([str(tmp_path)], load_rules(), ScanOptions(root=str(tmp_path), max_file_bytes=limit))
        return set(report.project["taint"].summaries)

    assert summarised(None) == {"big.py"} and summarised(4096) == set()


def test_a_scan_without_vipps_evidence_loads_neither_the_solver_nor_libcst(tmp_path):
    """No data-flow rule is in play: the project index is empty and costs no LibCST import."""
    import subprocess
    import sys

    (tmp_path / "app.py").write_text("import requests\n\ntoken = 'abc'\nrequests.get('https://example.com')\n")
    code = ("import sys; from keylint.pipeline.scan import ScanOptions, scan; from keylint.rules.packs import load_rules; "
            f"r = scan([{str(tmp_path)!r}], load_rules(), ScanOptions(root={str(tmp_path)!r})); "
            "print(r.files_scanned, type(r.project['taint']).__name__, 'libcst' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1", "NoIndex", "False"]


def test_version_is_answered_without_loading_the_command_line():
    """`keylint --version` (the console script, keylint.__main__) prints what click's version
    option prints, without importing click or the scan pipeline."""
    import subprocess
    import sys

    probe = ("import sys; sys.argv = ['keylint', '--version']; from keylint.__main__ import main; main(); "
             "print(sorted(m for m in sys.modules if m == 'click' or m.startswith(('keylint.cli', 'keylint.pipeline'))))")
    fast = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert fast.stdout.splitlines()[1] == "[]", fast.stdout
    assert fast.stdout.splitlines()[0] + "\n" == CliRunner().invoke(main, ["--version"]).output
    assert CliRunner().invoke(main, ["--version"]).output.startswith("keylint, version ")


def test_a_scan_that_parses_nothing_loads_no_rule_kind(tmp_path):
    """The compiled packs come from the cache and no file passes the prefilter: the kinds and their
    engines (keylint/rules/kinds/*, keylint/dataflow, LibCST), the model packs' module and tempfile
    (the cache's files are written without it) are never imported. (pathlib is not imported
    either by a wheel install; an editable install's import hook loads it, so it is not checked.)"""
    import subprocess
    import sys

    (tmp_path / "plain.py").write_text("def add(a, b):\n    return a + b\n")
    env = {"KEYLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": os.environ.get("PATH", "")}
    probe = ("import sys; from keylint.__main__ import main; sys.argv = ['keylint', 'scan', sys.argv[1], '--quiet']\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.startswith(('keylint.rules.kinds.', 'keylint.dataflow', 'libcst'))"
             " or m in ('tempfile', 'keylint.facts.bindings', 'keylint.rules.models')))")
    for run in ("compiles the packs", "loads them from the cache"):
        done = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "plain.py")], capture_output=True, text=True,
                              env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", done.stdout
