"""Scanning with worker processes gives byte-identical reports, and a dying worker costs one file."""

import os
import shutil
import signal
from pathlib import Path

import pytest

import keylint.pipeline.analyse
import keylint.pipeline.project
import keylint.pipeline.scan
import keylint.rules.kinds.taint
from keylint.pipeline.scan import ScanOptions, scan
from keylint.report import FORMATS
from keylint.rules.packs import load_rules
from keylint.services import workers

EXAMPLE_APP = Path(__file__).resolve().parents[1] / "examples" / "partner_app"


@pytest.fixture
def always_pool(monkeypatch):
    monkeypatch.setattr(workers, "IN_PROCESS_BELOW", 1)


def _json(report, rules) -> str:
    report.duration_s = 0.0
    return FORMATS["json"](report, rules)


def test_parallel_report_is_identical_to_serial(always_pool):
    rules = load_rules()
    serial = scan([str(EXAMPLE_APP)], rules, ScanOptions(jobs=1, prefilter=False))
    parallel = scan([str(EXAMPLE_APP)], rules, ScanOptions(jobs=2, prefilter=False))
    assert serial.findings
    assert _json(parallel, rules) == _json(serial, rules)


REAL_ANALYSE_TASK = keylint.pipeline.scan._analyse_task


def crash_on_settings(task, rules, options, project, **early):
    if task.source.rel_path.endswith("settings.py"):
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_ANALYSE_TASK(task, rules, options, project, **early)


def test_worker_crash_becomes_an_error_for_that_file_only(always_pool, monkeypatch, tmp_path):
    monkeypatch.setattr(keylint.pipeline.scan, "_analyse_task", crash_on_settings)
    tree = tmp_path / "app"
    shutil.copytree(EXAMPLE_APP, tree)
    options = ScanOptions(root=str(tree), jobs=2, prefilter=False, cache_dir=str(tmp_path / "cache"))
    report = scan([str(tree)], load_rules(), options)
    assert [(e.path, e.message.split(" (")[0]) for e in report.errors] == [
        ("shophub/settings.py", "analysis crashed the worker process")
    ]
    assert any(f.path == "scripts/admin_cli.py" for f in report.findings)
    monkeypatch.undo()
    again = scan([str(tree)], load_rules(), options)
    assert not again.errors  # the crash was not cached
    assert any(f.path == "shophub/settings.py" for f in again.findings)


def test_progress_is_reported_for_each_analysed_file():
    calls = []
    report = scan([str(EXAMPLE_APP)], load_rules(), ScanOptions(prefilter=False), on_progress=lambda d, t: calls.append((d, t)))
    assert calls == [(n, report.files_scanned) for n in range(1, report.files_scanned + 1)]


def test_internal_error_on_one_file_becomes_an_error_entry(monkeypatch):
    real = keylint.pipeline.analyse.analyse_file

    def buggy(source, data, rules, *args, **kwargs):
        if source.rel_path.endswith("admin_cli.py"):
            raise KeyError("boom")
        return real(source, data, rules, *args, **kwargs)

    monkeypatch.setattr(keylint.pipeline.analyse, "analyse_file", buggy)
    report = scan([str(EXAMPLE_APP)], load_rules(), ScanOptions(root=str(EXAMPLE_APP)))
    assert [e.to_dict() for e in report.errors] == [
        {"path": "scripts/admin_cli.py", "message": "internal error in keylint: KeyError: 'boom'"}
    ]
    assert report.findings


REAL_SUMMARISE_ONE = keylint.pipeline.project._summarise_one
REAL_SUMMARISE = keylint.rules.kinds.taint.summarise


def crash_on_app(kind, item, rules, key_types, **also):
    if item[0].rel_path.endswith("shophub/app.py"):
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_SUMMARISE_ONE(kind, item, rules, key_types, **also)


def test_worker_crash_in_the_project_phase_costs_that_file_only(always_pool, monkeypatch, tmp_path):
    monkeypatch.setattr(keylint.pipeline.project, "_summarise_one", crash_on_app)
    monkeypatch.setattr(keylint.rules.kinds.taint, "summarise", crash_on_app_summarise)
    tree = tmp_path / "app"
    shutil.copytree(EXAMPLE_APP, tree)
    report = scan([str(tree)], load_rules(), ScanOptions(root=str(tree), jobs=2, cache_dir=str(tmp_path / "cache")))
    assert [e.path for e in report.errors] == ["shophub/app.py"]  # once: the analysis does not try again
    assert report.errors[0].message.startswith(
        "project phase (data-flow summary) crashed the worker process (signal 9: SIGKILL"
    )
    assert any(f.path == "scripts/admin_cli.py" and f.rule_id == "KL201" for f in report.findings)
    monkeypatch.undo()
    again = scan([str(tree)], load_rules(), ScanOptions(root=str(tree), jobs=2, cache_dir=str(tmp_path / "cache")))
    assert not again.errors  # neither the missing summary nor the crash was cached
    assert any(f.path == "shophub/app.py" for f in again.findings)


def crash_on_app_summarise(parsed, *args):
    """The analyse stage summarises a file the project phase could not: it crashes there too."""
    if parsed.path.endswith("shophub/app.py"):
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_SUMMARISE(parsed, *args)
