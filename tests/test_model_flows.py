"""Engine hooks the model packs use: serverless handlers' parameters (params.functions),
functions whose return value is a sink by name (returns_of), task queues (calls_through), and
match-statement captures."""

from __future__ import annotations

import pytest

from tests.conftest import pack_rules, scan_project

PACK = """
pack: model-flows
version: "1"
rules:
  - id: MF001
    name: user-to-sink
    pitfall: msn-from-user-input
    severity: high
    confidence: high
    message: "{source}"
    docs: {summary: s, what: w, why: y, example: e, fix: f}
    kind: taint
    taint:
      calls_through: ['*.delay']
      sources:
        - labels: [user]
          expressions: [request.args]
          params: {functions: ['*_handler'], exclude_names: [context]}
      sinks:
        - {note: sink, calls: [sink]}
        - {note: returned, returns_of: ['resolve_*', '*Serializer.get_*']}
    examples: {vulnerable: ["x = 1"], safe: ["x = 2"]}
"""


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    return pack_rules(tmp_path_factory, PACK)


def _lines(tmp_path, rules, code: str) -> list[int]:
    return sorted(f.line for f in scan_project(tmp_path, {"app.py": code}, rules).findings)


CASES = {
    "handler parameter": ("def lambda_handler(event, context):\n    sink(event['q'])\n", [2]),
    "handler context is excluded": ("def lambda_handler(event, context):\n    sink(context)\n", []),
    "other functions' parameters": ("def lambda_helper(event):\n    sink(event)\n", []),
    "resolver return": ("def resolve_msn(root, info):\n    return request.args\n", [2]),
    "serializer method return": ("class ShopSerializer:\n    def get_msn(self, obj):\n        return request.args\n", [3]),
    "other method return": ("class Shop:\n    def get_msn(self, obj):\n        return request.args\n", []),
    "task.delay runs the task": ("def task(v):\n    sink(v)\n\ntask.delay(request.args)\n", [2]),
    "task.delay with a clean argument": ("def task(v):\n    sink(v)\n\ntask.delay(1)\n", []),
    "match mapping capture": ("match {'m': request.args}:\n    case {'m': v}:\n        sink(v)\n", [3]),
    "match capture of another key": ("match {'m': request.args, 'n': 1}:\n    case {'n': v}:\n        sink(v)\n", []),
    "match sequence star": ("match request.args:\n    case [a, *rest]:\n        sink(rest)\n", [3]),
    "match class keyword and or-pattern": ("match request.args:\n    case P(x=v) | Q(x=v):\n        sink(v)\n", [3]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_model_flows(tmp_path, rules, name):
    code, expected = CASES[name]
    assert _lines(tmp_path, rules, code) == expected
