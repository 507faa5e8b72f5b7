"""Shared by the CLI tests: a temporary git repository (fixture `repo`, registered in
conftest.py) and helpers that run the CLI in-process."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from keylint.cli import main

# Values that look like real keys (random, never valid); each test file uses its own.
SECRET_A = "Kq7Zr2Lm9Xv4Tn1Wb8Pd5Hs3Jf6Gc0Ay"
SECRET_B = "Wd3Fh8Jk1Lq6Zx9Cv2Bn5Mr7Tp0Sy4Ge"
SUB_KEY = "9e2b7d4a1c6f08359b2e7d4a1f6c0853"
CLIENT_ID = "7c0e5a9b-3d1f-4e62-8a47-b9d2c6f1e035"
# A last line that shows the file is Vipps code: generic key names count only with such evidence.
VIPPS_API = 'VIPPS_API = "https://api.vipps.no"\n'


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


class Repo:
    """A git repository in a temp folder that is also the current directory."""

    def __init__(self, path: Path):
        self.path = path
        git(path, "init", "-q", "-b", "main")
        git(path, "config", "user.email", "dev@example.com")
        git(path, "config", "user.name", "Dev")
        git(path, "config", "commit.gpgsign", "false")

    def write(self, rel: str, text: str) -> Path:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
        return target

    def commit(self, message: str = "change") -> None:
        git(self.path, "add", "-A")
        git(self.path, "commit", "-q", "-m", message)

    def git(self, *args: str) -> str:
        return git(self.path, *args)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Repo:
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)
    return Repo(root)


def run(*args: str):
    """Invoke the keylint CLI in-process; returns click's Result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def scan_json(*args: str) -> tuple[int, dict]:
    result = run("scan", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def rule_ids(document: dict) -> list[tuple[str, str, int]]:
    return [(f["path"], f["rule_id"], f["line"]) for f in document["findings"]]


def secret_pack(rule_id: str, name_regex: str, vulnerable: list, safe: list, **fields) -> str:
    """A one-rule pack of the `secret` kind as YAML text; `fields` override the rule's defaults."""
    rule = {
        "id": rule_id,
        "name": rule_id.lower() + "-rule",
        "pitfall": "hardcoded-secret",
        "severity": "high",
        "confidence": "medium",
        "message": "key bound to {name}",
        "docs": {"summary": "s", "what": "w", "why": "y", "example": "e", "fix": "f"},
        "kind": "secret",
        "secret": {"names": [name_regex], "value": {"min_length": 16, "min_entropy": 3.0}},
        "examples": {"vulnerable": vulnerable, "safe": safe},
    }
    rule.update(fields)
    return yaml.safe_dump({"pack": rule_id.lower() + "-pack", "version": "1", "rules": [rule]}, sort_keys=False)
