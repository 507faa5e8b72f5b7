"""Crashes, hangs and memory: no input takes keylint down, makes it run past --timeout or lets it
grow without bound, and the key planted on line 2 of each input is still found."""

from __future__ import annotations

import faulthandler
import gc
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import keylint.pipeline.scan
import keylint.rules.kinds.taint
from keylint.pipeline.discover import SourcePath
from keylint.pipeline.scan import ScanOptions, scan
from keylint.rules.packs import load_rules
from tests.hardening.conftest import keylint as run_keylint
from tests.hardening.inputs import DEEP, HEAD, YAML_BOMBS, assignments


@pytest.mark.parametrize("case", DEEP, ids=lambda c: c.name)
def test_deeply_nested_single_file_is_reported_and_its_key_found(run_input, case):
    outcome = run_input(case)
    assert outcome.code == 1, outcome.stderr  # the key on line 2, found line by line
    assert "KL101" in outcome.stdout and f"{case.name}.py: error: too deeply nested to analyse" in outcome.stdout
    assert outcome.seconds < 20 and not outcome.shows_key()


def test_the_real_command_on_a_single_deep_file(tmp_path):
    """The pre-commit shape: one file named on the command line (this killed keylint with SIGSEGV)."""
    root = DEEP[0].write(tmp_path)
    outcome = run_keylint(DEEP[0].args, root, timeout=60)
    assert outcome.code == 1 and "parens.py: error: too deeply nested to analyse" in outcome.stdout
    assert not outcome.shows_key()


REAL_ANALYSE_TASK = keylint.pipeline.scan._analyse_task
REAL_SUMMARISE = keylint.rules.kinds.taint.summarise


def _segfault(task, rules, options, project, **early):
    faulthandler.disable()  # pytest's handler would print the crash; the parent reports it
    os.kill(os.getpid(), signal.SIGSEGV)  # what a LibCST stack overflow does


def _hang(task, rules, options, project, **early):
    time.sleep(60)


def _allocate(task, rules, options, project, **early):
    return bytearray(1024 * 2**20)  # 1 GB


def _slow_summary(parsed, *args):
    time.sleep(2)
    return REAL_SUMMARISE(parsed, *args)


def _slow_analysis(task, rules, options, project, **early):
    time.sleep(2)
    return REAL_ANALYSE_TASK(task, rules, options, project, **early)


def _stuck_summary(parsed, *args):
    time.sleep(60)


def _one_file(tmp_path, text: str = HEAD):
    (tmp_path / "app.py").write_text(text, "utf-8")
    return [str(tmp_path / "app.py")]


MSN_APP = HEAD + textwrap.dedent("""\
    from flask import request

    def capture():
        return requests.post("https://api.vipps.no/epayment/v1/payments", headers={"Merchant-Serial-Number": request.args["msn"]})
""")


@pytest.mark.parametrize("work, message", [
    (_segfault, "analysis crashed the worker process (signal 11: SIGSEGV, e.g. a parser stack overflow)"),
    (_hang, "analysis timed out after 1 s"),
    (_allocate, "analysis exceeded its memory budget of 256 MB"),
])
def test_a_single_file_is_isolated_like_any_other(monkeypatch, tmp_path, work, message):
    monkeypatch.setattr(keylint.pipeline.scan, "_analyse_task", work)
    started = time.monotonic()
    report = scan(_one_file(tmp_path), load_rules(), ScanOptions(root=str(tmp_path), timeout_s=1, memory_mb=256))
    assert time.monotonic() - started < 10
    assert [e.path for e in report.errors] == ["app.py"]
    assert report.errors[0].message.startswith(message)
    assert "file of 0.1 KB" in report.errors[0].message
    assert [f.rule_id for f in report.findings] == ["KL101"]  # the line-based search still ran


def test_one_time_budget_across_phases(monkeypatch, tmp_path):
    monkeypatch.setattr(keylint.rules.kinds.taint, "summarise", _slow_summary)
    monkeypatch.setattr(keylint.pipeline.scan, "_analyse_task", _slow_analysis)
    report = scan(_one_file(tmp_path, MSN_APP), load_rules(), ScanOptions(root=str(tmp_path), timeout_s=3))
    [error] = report.errors
    assert error.message.startswith("analysis timed out after 3 s (2.")
    assert "s of them in an earlier phase)" in error.message


def test_a_file_stuck_in_the_project_phase_costs_one_time_out(monkeypatch, tmp_path):
    monkeypatch.setattr(keylint.rules.kinds.taint, "summarise", _stuck_summary)
    started = time.monotonic()
    report = scan(_one_file(tmp_path, MSN_APP), load_rules(), ScanOptions(root=str(tmp_path), timeout_s=1))
    assert time.monotonic() - started < 4  # not a second time-out in the analysis
    [error] = report.errors
    assert error.message.startswith("project phase (data-flow summary) timed out after 1 s")
    assert [f.rule_id for f in report.findings] == ["KL101"]


def test_the_engine_is_linear_in_the_number_of_statements():
    from keylint.rules.kinds.taint import summarise
    from keylint.pipeline.parse import parse

    rules = [r for r in load_rules() if r.kind == "taint"]

    def cpu_seconds(lines: int) -> float:
        case = assignments(lines)
        [(name, text)] = case.files.items()
        parsed = parse(name, text, "python")
        parsed.positions  # noqa: B018 - LibCST's share, linear, is not what is measured
        gc.collect()
        gc.disable()  # collections of the large tree would blur the engine's own cost
        try:
            started = time.process_time()
            summarise(parsed, rules, ())
            return time.process_time() - started
        finally:
            gc.enable()

    small, large = cpu_seconds(2_000), cpu_seconds(8_000)
    assert large < 8 * small  # four times the lines; quadratic was sixteen times the time


def test_workers_exit_when_the_scan_is_killed(tmp_path):
    script = textwrap.dedent("""\
        import sys, time
        from keylint.services import workers
        def work(n):
            time.sleep(60)
        for _ in workers.run(range(2), work, lambda n, why: None, jobs=2):
            pass
    """)
    parent = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 10
    children = []
    while len(children) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        children = subprocess.run(["pgrep", "-P", str(parent.pid)], capture_output=True, text=True).stdout.split()
    assert len(children) == 2
    parent.kill()
    parent.wait()
    time.sleep(1)
    assert not [pid for pid in children if _running(int(pid))]


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie waits for an init that may never reap it)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_ctrl_c_exits_130_and_leaves_no_worker(tmp_path):
    case = assignments(40_000)
    root = case.write(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "keylint", *case.args], cwd=root, stderr=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(2.5)
    children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 130 and b"keylint: interrupted" in err
    time.sleep(0.5)
    assert not [pid for pid in children if _running(int(pid))]


@pytest.mark.parametrize("case", YAML_BOMBS, ids=lambda c: c.name)
def test_yaml_alias_bombs_are_refused_quickly(run_input, case):
    outcome = run_input(case)
    assert outcome.seconds < 15
    assert len(outcome.stdout) + len(outcome.stderr) < 2000  # never the expanded document
    assert "aliases expand the document" in outcome.stdout + outcome.stderr
    if case.name == "yaml-config-bomb":
        assert outcome.code == 1 and "KL101" in outcome.stdout and not outcome.shows_key()
    else:
        assert outcome.code == 2, outcome.stderr


def test_line_scan_of_an_unparsable_python_file_finds_the_same_keys_as_the_parser():
    from keylint.pipeline.analyse import analyse_file

    rules = load_rules()
    good = HEAD + 'headers = {"client_secret": "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"}\n'
    parsed = analyse_file(SourcePath("a.py", "a.py", "python"), good.encode(), rules)
    broken = analyse_file(SourcePath("a.py", "a.py", "python"), (good + "def f(:\n").encode(), rules)
    assert [(f.rule_id, f.line, f.fingerprint) for f in broken.findings] == [
        (f.rule_id, f.line, f.fingerprint) for f in parsed.findings if f.rule_id.startswith("KL1")
    ]
    assert broken.errors[0].message.endswith("searched line by line for hardcoded keys only")


def test_memory_budget_on_a_huge_single_line_file(run_input):
    from tests.hardening.inputs import one_line_list

    outcome = run_input(one_line_list(2), "--memory-limit", "160", "--max-file-size", "0")
    assert outcome.code == 1 and "KL101" in outcome.stdout
    assert "oneline.py: error:" in outcome.stdout and "(file of 2.0 MB)" in outcome.stdout
    assert "memory budget of 160 MB" in outcome.stdout


def test_import_statements_read_in_the_scan_process_cannot_crash_or_stall_it():
    """The project phase reads import statements in keylint's own process (no worker to lose)."""
    script = textwrap.dedent("""\
        from keylint.facts.names import Imports
        imports = Imports("m", False)
        imports.add_statements("import a; x = " + "(" * 10_000 + "1" + ")" * 10_000 + "\\nimport c" + ".b" * 50_000 + "\\n")
        print(sorted(imports.modules))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert (done.returncode, done.stdout) == (0, "['a']\n")
