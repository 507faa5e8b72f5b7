"""Models as data: the ecosystem models in rules/models are shared by the rules, and a new
framework is a YAML change."""

from __future__ import annotations

import fnmatch
import json
import sys
import textwrap
from pathlib import Path

import pytest

from keylint.rules.packs import PackError, load_pack, load_rules, shipped_model_paths, shipped_models
from tests.conftest import REPO, write_tree

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LOGGED = """\
import os
import acme_audit

def start():
    acme_audit.emit("vipps client secret", os.environ["VIPPS_CLIENT_SECRET"])
"""

EXTRA_MODEL = """\
model-pack: acme
version: "0.1"
models:
  log-output:
    kind: sink
    description: log records
    frameworks:
      - name: acme-audit
        calls: [acme_audit.emit]
"""

RULE = """\
pack: acme-rules
version: "0.1"
rules:
  - id: ACME100
    name: acme-flow
    pitfall: secret-in-logs
    severity: low
    confidence: low
    message: "{source}"
    docs: {summary: s, what: w, why: y, example: e, fix: f}
    kind: taint
    taint:
      sources: [{labels: [user-input], model: user-input}]
      sinks: [SINK]
    examples: {vulnerable: ["x = 1"], safe: ["x = 2"]}
"""


def test_shipped_models_load_and_every_one_is_used_by_a_rule():
    models = shipped_models()
    used = {use.label for rule in load_rules() for use in rule.models}
    assert {"user-input", "log-output", "http-request", "template-context", "http-response"} <= set(models)
    assert used == set(models)


def test_model_packs_ship_with_the_wheel():
    data = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["keylint.shipped_rules"]
    files = [Path(p).relative_to(REPO / "rules").as_posix() for p in shipped_model_paths()]
    assert files and all(any(fnmatch.fnmatch(f, pattern) for pattern in data) for f in files)


def test_rules_list_the_frameworks_they_model():
    [kl401] = [r for r in load_rules() if r.id == "KL401"]
    frameworks = {use.label: use.frameworks for use in kl401.models}
    assert {"logging", "structlog", "loguru"} <= set(frameworks["log-output"])
    assert "requests" in frameworks["http-request"]


def test_a_new_framework_is_yaml_only(tmp_path, cli):
    write_tree(tmp_path, {"models/acme.yaml": EXTRA_MODEL, "app.py": LOGGED})
    without = json.loads(cli(["scan", "--format", "json", "app.py"], cwd=tmp_path).output)["findings"]
    with_model = json.loads(cli(["scan", "--format", "json", "--rules", "models", "app.py"], cwd=tmp_path).output)["findings"]
    assert without == []
    assert [(f["rule_id"], f["line"]) for f in with_model] == [("KL401", 5)]
    shown = cli(["rules", "--rules", "models", "show", "KL401"], cwd=tmp_path).output
    assert "acme-audit" in shown


def _rule_error(tmp_path, sink: str) -> str:
    path = tmp_path / "rule.yaml"
    path.write_text(RULE.replace("SINK", sink), encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_pack(path)
    return str(info.value)


def test_an_unknown_model_is_an_error_naming_the_known_ones(tmp_path):
    message = _rule_error(tmp_path, "{note: n, model: log-outptu}")
    assert "rule.yaml:" in message and "unknown model 'log-outptu'" in message and "log-output" in message


def test_a_model_of_the_wrong_kind_is_an_error(tmp_path):
    assert "is a source model" in _rule_error(tmp_path, "{note: n, model: user-input}")
    assert "needs a `role`" in _rule_error(tmp_path, "{note: n, model: http-request}")


def test_a_sink_role_picks_where_each_library_puts_that_part(tmp_path):
    path = tmp_path / "rule.yaml"
    path.write_text(RULE.replace("SINK", "{note: n, model: http-request, role: auth}"), encoding="utf-8")
    [rule] = load_pack(path)
    [sink] = rule.spec.sinks
    assert sink.args == ("auth",) and sink.calls.match("requests.post") and not sink.calls.match("urllib.request.urlopen")


def test_a_broken_model_pack_is_an_error_with_its_line(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(textwrap.dedent(EXTRA_MODEL).replace("calls: [acme_audit.emit]", "callz: [acme_audit.emit]"))
    with pytest.raises(PackError) as info:
        load_rules([path], include_shipped=False)
    assert "m.yaml:9" in str(info.value) and "unknown field 'callz'" in str(info.value)
