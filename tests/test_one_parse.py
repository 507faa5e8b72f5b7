"""One parse per file: the tree the project phase builds for a file's data-flow summary also
serves the rest of its analysis (keylint.pipeline.analyse.EarlyHits), so a large module is parsed,
and its node positions generated, once. Counted here, never timed."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest

import keylint.facts.positions
import keylint.pipeline.parse
import keylint.pipeline.scan
from keylint.pipeline.analyse import EarlyHits, analyse_file
from keylint.pipeline.discover import SourcePath
from keylint.pipeline.scan import ScanOptions, scan
from keylint.rules.packs import load_rules
from keylint.services import cache, workers
from tests.conftest import EXAMPLE_APP


@pytest.fixture
def in_process(monkeypatch):
    """Per-file work runs in this process (not in workers), so that its calls can be counted."""

    def run(items, work, failed, jobs, limits=None, name=None, isolate=True, grow_after=1):
        for item in items:
            yield work(item)

    monkeypatch.setattr(workers, "run", run)


@pytest.fixture
def app(tmp_path):
    tree = tmp_path / "app"
    shutil.copytree(EXAMPLE_APP, tree)
    return tree


def _counted(monkeypatch, module, name: str, key) -> Counter:
    """Counts of key(*args) over the calls of module.name."""
    counts: Counter = Counter()
    real = getattr(module, name)
    monkeypatch.setattr(module, name, lambda *args: counts.update([key(*args)]) or real(*args))
    return counts


def test_each_python_file_is_parsed_once_and_its_positions_generated_at_most_once(in_process, monkeypatch, app):
    parses = _counted(monkeypatch, keylint.pipeline.parse, "_parse_python", lambda text: text)
    spans = _counted(monkeypatch, keylint.facts.positions, "node_spans", lambda module: module.code)
    report = scan([str(app)], load_rules(), ScanOptions(root=str(app)))
    summarised = report.project["taint"].summaries
    assert len(summarised) >= 3 and {"scripts/admin_cli.py", "shophub/vipps_client.py"} <= set(summarised)
    assert {(app / path).read_text("utf-8") for path in summarised} <= set(parses)
    assert {f.path for f in report.findings if f.rule_id.startswith("KL1")} & set(summarised)  # secret hits came early
    assert max(parses.values()) == 1
    assert spans and max(spans.values()) == 1


def test_the_early_hits_change_no_result(in_process, monkeypatch, app):
    """The analysis finds the same with its own parse as with the project phase's hits."""
    def outcome():
        report = scan([str(app)], load_rules(), ScanOptions(root=str(app)))
        return ([f.to_dict() for f in report.findings], [e.to_dict() for e in report.errors],
                [(path, s) for path, s in report.suppressions], [(f.to_dict(), s) for f, s in report.silenced])

    early = outcome()
    monkeypatch.setattr(keylint.pipeline.scan, "_early_hits", lambda *args, **kwargs: None)
    assert outcome() == early and early[0]


def test_early_hits_are_used_only_for_the_text_they_were_found_in(tmp_path):
    text = 'import os\n\nCLIENT_SECRET = "Zq8Lm2Xv7Rt4Kb1Wn9Pd5Hs3Jf6Gc0Ay"\nVIPPS_API = "https://api.vipps.no"\n'
    (tmp_path / "settings.py").write_text(text)
    source = SourcePath(str(tmp_path / "settings.py"), "settings.py", "python")
    rules = load_rules()
    own = analyse_file(source, text.encode(), rules)
    assert [f.rule_id for f in own.findings] == ["KL101"]
    nothing = {"secret": [], "pairing": []}
    stale = EarlyHits(cache.content_digest(b"another version"), nothing)
    assert analyse_file(source, text.encode(), rules, early=stale) == own
    assert analyse_file(source, text.encode(), rules, early=EarlyHits(cache.content_digest(text.encode()), nothing)).findings == []
