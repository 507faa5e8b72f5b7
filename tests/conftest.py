"""Shared helpers: run the CLI in-process, write small trees, locate shared files."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from keylint.cli import main
from tests.cli_helpers import repo  # noqa: F401  (the temp git repository + cwd fixture)

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLE_APP = REPO / "examples" / "partner_app"


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create files (dedented text or raw bytes) under root."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def cli(monkeypatch):
    """Run `keylint ARGS` in-process from a working directory; returns the click Result."""

    def run(args: list[str], cwd: Path | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return CliRunner().invoke(main, args, catch_exceptions=False)

    return run


@pytest.fixture
def scan_json(cli):
    """Scan a folder with --format json and return (exit code, parsed document)."""

    def run(root: Path, *extra: str):
        result = cli(["scan", "--format", "json", *extra, "."], cwd=root)
        return result.exit_code, json.loads(result.output)

    return run


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    assert path.is_file(), f"the shared SARIF schema is expected at {path}"
    return json.loads(path.read_text("utf-8"))
