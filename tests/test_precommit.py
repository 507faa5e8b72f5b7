"""The pre-commit hook, installed by the real `pre-commit` into a real git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

SECRET = "Vb7Kq2Xn9Lm4Rt1Zw8Pd5Hs3Jf6Gc0Ey"
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))


def git(repo: Path, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False)


def new_repository(tmp_path: Path, name: str) -> tuple[Path, dict]:
    """An empty git repository and the environment its commits (and pre-commit) run with."""
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    path = tmp_path / name
    path.mkdir()
    git(path, "init", "-q", "-b", "main", env=env)
    return path, env


@pytest.fixture
def repo(tmp_path):
    path, env = new_repository(tmp_path, "partner-shop")
    hook = path / ".git" / "hooks" / "pre-commit"
    hook.write_text(f"#!/bin/sh\nexec '{PRE_COMMIT}' try-repo '{REPO}' keylint\n")
    hook.chmod(0o755)
    return path, env


def test_hook_blocks_a_leaking_commit_and_lets_a_clean_one_through(repo):
    path, env = repo
    (path / "settings.py").write_text(f'VIPPS_CLIENT_SECRET = "{SECRET}"\n')
    git(path, "add", "settings.py", env=env)
    blocked = git(path, "commit", "-qm", "add settings", env=env)
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr
    shown = blocked.stdout + blocked.stderr  # git shows hook output on either stream
    assert "KL101" in shown and SECRET not in shown
    assert git(path, "rev-parse", "--verify", "HEAD", env=env).returncode != 0  # nothing was committed

    (path / "settings.py").write_text('import os\nVIPPS_CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]\n')
    git(path, "add", "settings.py", env=env)
    allowed = git(path, "commit", "-qm", "read the secret from the environment", env=env)
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    shown = allowed.stdout + allowed.stderr
    assert "keylint" in shown and "Passed" in shown
