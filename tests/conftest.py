"""Shared helpers: run the CLI in-process, write small trees and scan them, the SARIF schema."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from keylint.cli import main
from keylint.pipeline.scan import ScanOptions, scan
from keylint.rules.packs import load_pack, load_rules
from tests.cli_helpers import repo  # noqa: F401  (the temp git repository + cwd fixture)

REPO = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = REPO / "tests" / "schemas" / "sarif-schema-2.1.0.json"  # vendored: OASIS SARIF 2.1.0
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
    return json.loads(SARIF_SCHEMA.read_text("utf-8"))


ENGINE_PACK = """
pack: engine-test
version: "1"
rules:
  - id: ET001
    name: user-to-sink
    pitfall: msn-from-user-input
    severity: high
    confidence: high
    message: "{source} (line {source_line}) reaches {sink}"
    docs: {summary: s, what: w, why: y, example: e, fix: f}
    kind: taint
    taint:
      exits: [abort]
      sources:
        - labels: [user]
          expressions: [request.args]
          calls: [read_input]
      sinks:
        - note: sink
          calls: [sink]
        - note: header
          stores: ['^Merchant-Serial-Number$']
        - note: url slot
          calls: [fetch]
          args: [0]
          slot: ['/units/$']
        - note: msn field
          calls: [fetch]
          args: [params]
          keys: ['^msn$']
      sanitizers:
        - calls: [clean, post_request]
        - guards: {containers: ['*allowed*'], calls: [may_use]}
        - max_slice: 4
      propagators:
        - calls: ['*.set_content']
          from: [0]
          to: receiver
        - calls: [post_request]
          url: ['/token$']
          from: [headers]
          to: return
          add: [answered]
    examples: {vulnerable: ["sink(request.args)"], safe: ["sink(1)"]}
  - id: ET002
    name: secret-to-sink
    pitfall: secret-in-logs
    severity: high
    confidence: high
    message: "secret reaches {sink}"
    docs: {summary: s, what: w, why: y, example: e, fix: f}
    kind: taint
    taint:
      sources:
        - labels: [secret]
          names: ['(^|_)client_secret$']
      sinks:
        - note: log
          calls: [log]
    examples: {vulnerable: ["log(client_secret)"], safe: ["log(1)"]}
"""


def pack_rules(tmp_path_factory, text: str) -> list:
    """The rules of a pack given as YAML text."""
    path = tmp_path_factory.mktemp("packs") / "pack.yaml"
    path.write_text(text, "utf-8")
    return load_pack(path)


@pytest.fixture(scope="session")
def engine_rules(tmp_path_factory) -> list:
    return pack_rules(tmp_path_factory, ENGINE_PACK)


@pytest.fixture(scope="session")
def shipped_rules() -> list:
    return load_rules()


write_project = write_tree


def scan_project(root: Path, files: dict[str, str], rules: list):
    write_tree(root, files)
    return scan([str(root)], rules, ScanOptions(root=str(root)))


class ProcessLog:
    """A list that worker processes can append to (each value is a JSON line in a file), for
    tests that record the calls a monkeypatched function gets: analysis runs in workers."""

    def __init__(self, path: Path):
        self.path = path

    def append(self, value) -> None:
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(value) + "\n")

    def items(self) -> list:
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text("utf-8").splitlines()]


@pytest.fixture
def process_log(tmp_path_factory):
    """A fresh ProcessLog per call."""
    return lambda: ProcessLog(tmp_path_factory.mktemp("log") / "calls.jsonl")
