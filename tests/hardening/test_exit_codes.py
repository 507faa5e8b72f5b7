"""Exit codes and writes: a failure of keylint itself never exits 1 (CI reads 1 as "findings"),
and a failed write never leaves a truncated report or baseline, or a temporary file."""

from __future__ import annotations

import errno
import io
import os
import pickle
import subprocess
import sys

import pytest

import keylint.pipeline.scan
import keylint.services.atomic
from tests.hardening.inputs import EXIT_CODES, HEAD

BY_NAME = {case.name: case for case in EXIT_CODES}


@pytest.mark.parametrize("name, message", [
    ("pyproject-not-utf8", "pyproject.toml: cannot read: 'utf-8' codec can't decode byte 0xff"),
    ("baseline-huge-count", "findings[0]: malformed entry (count must be a whole number, not Infinity)"),
    ("baseline-deep", "not a keylint baseline (JSON nested too deeply)"),
])
def test_bad_configuration_and_baselines_exit_2(run_input, name, message):
    outcome = run_input(BY_NAME[name])
    assert outcome.code == 2 and message in outcome.stderr and "Traceback" not in outcome.stderr


def test_stdout_on_a_full_disk_exits_4(tmp_path):
    (tmp_path / "app.py").write_text(HEAD, "utf-8")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "keylint", "scan", "--no-cache", "."], cwd=tmp_path,
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 4
    assert done.stderr == "keylint: internal error: No space left on device (run `keylint --debug ...` for the traceback)\n"


def _broken(*args, **kwargs):
    raise KeyError("boom")


def test_an_internal_error_exits_4_and_debug_shows_the_traceback(cli, tmp_path, monkeypatch):
    (tmp_path / "app.py").write_text("x = 1\n", "utf-8")
    monkeypatch.setattr(keylint.pipeline.scan, "discover", _broken)
    result = cli(["scan", "--no-cache", "."], cwd=tmp_path)
    assert result.exit_code == 4 and "keylint: internal error: KeyError: 'boom' (run `keylint --debug" in result.output
    assert "Traceback" not in result.output
    debug = cli(["--debug", "scan", "--no-cache", "."], cwd=tmp_path)
    assert debug.exit_code == 4 and "Traceback" in debug.output and "KeyError: 'boom'" in debug.output


def _disk_full(fd):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("args, target", [
    (["baseline", "create", "-o", "base.json", "."], "base.json"),
    (["scan", "--no-cache", "--format", "sarif", "-o", "report.sarif", "."], "report.sarif"),
])
def test_a_failed_write_keeps_the_old_file_and_no_temporary_one(cli, tmp_path, monkeypatch, args, target):
    (tmp_path / "app.py").write_text(HEAD, "utf-8")
    (tmp_path / target).write_text("the old one\n", "utf-8")
    monkeypatch.setattr(keylint.services.atomic.os, "fsync", _disk_full)
    result = cli(args, cwd=tmp_path)
    assert result.exit_code == 2 and f"{target}: No space left on device" in result.output
    assert (tmp_path / target).read_text("utf-8") == "the old one\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["app.py", target])
    monkeypatch.undo()
    assert cli(args, cwd=tmp_path).exit_code in (0, 1) and "the old one" not in (tmp_path / target).read_text("utf-8")


class _FullDisk(io.RawIOBase):
    """A file on a full disk: every write fails (caches are written without fsync)."""

    def __init__(self, fd: int, mode: str = "wb"):
        os.close(fd)

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_cache_that_cannot_be_written_leaves_no_temporary_file(cli, tmp_path, monkeypatch):
    (tmp_path / "app.py").write_text(HEAD, "utf-8")
    monkeypatch.setattr(keylint.services.atomic.os, "fdopen", _FullDisk)
    assert cli(["scan", "--cache-dir", str(tmp_path / "cache"), "app.py"], cwd=tmp_path).exit_code == 1
    assert [p for p in (tmp_path / "cache").rglob("*") if p.is_file() and p.suffix != ".sqlite"] == []  # SQLite writes its own files


@pytest.mark.parametrize("tampered", [["a list"], {"name": "not an entry"}, {"app.py": (1, 2, "d", "not a result")}, 42])
def test_a_tampered_cache_file_is_ignored(scan_json, tmp_path, tampered):
    project = tmp_path / "project"
    project.mkdir()
    (project / "app.py").write_text(HEAD, "utf-8")
    cache = tmp_path / "cache"
    _, clean = scan_json(project, "--no-cache")
    scan_json(project, "--cache-dir", str(cache))
    for stored in cache.rglob("*.pickle"):
        stored.write_bytes(pickle.dumps(tampered))
    code, again = scan_json(project, "--cache-dir", str(cache))
    assert code == 1
    assert again["findings"] == clean["findings"] and again["errors"] == []
