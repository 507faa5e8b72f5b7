"""Running `keylint` on the generated inputs of inputs.py: in-process (the analysis runs in worker
processes, so a crash there cannot take pytest down), or as the real command in a subprocess."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from keylint.cli import main
from tests.hardening.inputs import KEY, Input


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float

    def shows_key(self) -> bool:
        """Whether any 8 characters of the planted key are printed (redaction broken)."""
        return any(KEY[i:i + 8] in self.stdout + self.stderr for i in range(len(KEY) - 7))


def keylint(args, cwd: Path, timeout: float = 120, env: dict | None = None) -> Outcome:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "keylint", *args], cwd=cwd, capture_output=True, timeout=timeout, env=env)
    return Outcome(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "replace"),
                   time.monotonic() - started)


@pytest.fixture
def run_input(tmp_path, monkeypatch):
    """Write an Input under a fresh folder and run its arguments (plus `extra`) there, in-process
    (analysis runs in worker processes all the same)."""

    def run(case: Input, *extra: str) -> Outcome:
        root = case.write(tmp_path / case.name)
        monkeypatch.chdir(root)
        started = time.monotonic()
        result = CliRunner().invoke(main, [*case.args[:1], *extra, *case.args[1:]], catch_exceptions=False)
        return Outcome(result.exit_code, result.stdout, result.stderr, time.monotonic() - started)

    return run
