"""Shared helpers: scan small projects written to a temporary folder."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from keylint.packs import load_pack, load_rules
from keylint.scan import ScanOptions, scan

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


@pytest.fixture(scope="session")
def engine_rules(tmp_path_factory) -> list:
    path = tmp_path_factory.mktemp("packs") / "engine.yaml"
    path.write_text(ENGINE_PACK, "utf-8")
    return load_pack(path)


@pytest.fixture(scope="session")
def shipped_rules() -> list:
    return load_rules()


def write_project(root: Path, files: dict[str, str]) -> Path:
    for name, code in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(code), "utf-8")
    return root


def scan_project(root: Path, files: dict[str, str], rules: list):
    write_project(root, files)
    return scan([str(root)], rules, ScanOptions(root=str(root)))
