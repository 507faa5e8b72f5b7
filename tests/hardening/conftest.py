"""Running the real `keylint` command (a subprocess: a crash must not take pytest down) on the
generated inputs of inputs.py."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

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
def run_input(tmp_path):
    """Write an Input under a fresh folder and run its arguments (plus `extra`) there."""

    def run(case: Input, *extra: str, timeout: float = 120) -> Outcome:
        root = case.write(tmp_path / case.name)
        return keylint([*case.args[:1], *extra, *case.args[1:]], root, timeout)

    return run
