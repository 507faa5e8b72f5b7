"""Files that were lost or misreported: each is now read, or reported as not analysed with the
reason, and the key planted in it is found."""

from __future__ import annotations

import json
import os

import pytest

import keylint.pipeline.discover
from keylint.pipeline.scan import ScanOptions, scan
from keylint.rules.packs import load_rules
from tests.hardening.inputs import FILES, KEY

BY_NAME = {case.name: case for case in FILES}


@pytest.mark.parametrize("name, line, column", [
    ("toml-escape", 3, 18),
    ("toml-inline", 1, 28),
    ("jsonc", 3, 21),
])
def test_config_files_are_read_with_real_positions(run_input, name, line, column):
    outcome = run_input(BY_NAME[name])
    assert outcome.code == 1 and "error" not in outcome.stdout
    assert f":{line}:{column}: KL101" in outcome.stdout and not outcome.shows_key()


@pytest.mark.parametrize("name, message", [
    ("python-syntax-error", "broken.py: error: Python syntax error at line 3"),
    ("json-broken", "broken.json: error: invalid JSON at line 1"),
    ("coding-cookie", "cookie.py: error: invalid coding cookie (unknown encoding: bogus)"),
])
def test_unparsable_files_are_reported_and_searched_line_by_line(run_input, name, message):
    outcome = run_input(BY_NAME[name])
    assert outcome.code == 1 and "KL101" in outcome.stdout and not outcome.shows_key()
    assert message in outcome.stdout and "searched line by line for hardcoded keys only" in outcome.stdout


@pytest.mark.parametrize("name, message", [
    ("fifo", "pipe.py: error: not a regular file (a FIFO)"),
    ("symlink-loop", "loop_a.py: error: Too many levels of symbolic links"),
])
def test_special_paths_are_named_for_what_they_are(run_input, name, message):
    outcome = run_input(BY_NAME[name])
    assert outcome.code == 3 and message in outcome.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab", "junit"])
def test_a_file_name_that_is_not_utf8_is_safe_in_every_format(tmp_path, cli, fmt):
    root = BY_NAME["non-utf8-name"].write(tmp_path)
    printed = cli(["scan", "--no-cache", "--format", fmt, "."], cwd=root)
    written = cli(["scan", "--no-cache", "--format", fmt, "-o", "report.out", "."], cwd=root)
    assert printed.exit_code == written.exit_code == 1
    report = (root / "report.out").read_bytes().decode("utf-8")  # valid UTF-8
    assert "caf\\xe9.py" in report.replace("\\\\", "\\") and "caf\\xe9.py" in printed.output.replace("\\\\", "\\")
    assert KEY[:8] not in report
    if fmt == "json":
        assert [f["path"] for f in json.loads(report)["findings"]] == ["caf\\xe9.py"]


def test_an_unreadable_folder_is_not_analysed(tmp_path, monkeypatch):
    """Exit 3 through the report's errors; root ignores permissions, so scandir is made to fail."""
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "app.py").write_text(f'CLIENT_SECRET = "{KEY}"\n', "utf-8")
    (tmp_path / "ok.py").write_text("x = 1\n", "utf-8")
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(keylint.pipeline.discover.os, "scandir", scandir)
    report = scan([str(tmp_path)], load_rules(), ScanOptions(root=str(tmp_path)))
    assert [e.to_dict() for e in report.errors] == [{"path": "locked/", "message": "cannot read folder: Permission denied"}]
    assert report.files_scanned == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders without permission")
def test_an_unreadable_folder_exits_3(tmp_path, cli):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "app.py").write_text("x = 1\n", "utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        result = cli(["scan", "--no-cache", "."], cwd=tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert result.exit_code == 3 and "locked/: error: cannot read folder" in result.output
