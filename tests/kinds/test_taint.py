"""The taint kind's YAML contract, its project phase and what its findings carry."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from keylint.pipeline.scan import ScanOptions, scan
from keylint.report import FORMATS
from keylint.rules.kinds import KINDS, taint
from keylint.rules.packs import PackError, load_pack
from tests.conftest import ENGINE_PACK, SARIF_SCHEMA, scan_project, write_project

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_registered_with_prefilter_and_project_phase():
    kind = KINDS["taint"]
    for name in ("summarise", "build_index", "exports", "relevant", "prefilter_tokens", "check"):
        assert callable(getattr(kind, name))


def test_shipped_rules_have_prefilter_tokens_found_in_their_vulnerable_examples(shipped_rules):
    for rule in (r for r in shipped_rules if r.kind == "taint"):
        tokens = taint.prefilter_tokens(rule.spec)
        assert tokens and all(t == t.lower() for t in tokens)
        for example in rule.examples["vulnerable"]:
            code = example if isinstance(example, str) else example["code"]
            assert any(t in code.lower() for t in tokens), (rule.id, code[:60])


def test_bad_regex_names_file_line_and_field(tmp_path):
    broken = ENGINE_PACK.replace("names: ['(^|_)client_secret$']", "names: ['(client_secret']")
    path = tmp_path / "broken.yaml"
    path.write_text(broken, "utf-8")
    with pytest.raises(PackError) as error:
        load_pack(path)
    assert "broken.yaml:" in str(error.value) and "taint.sources[0].names" in str(error.value)


def test_sink_needs_exactly_one_shape(tmp_path):
    broken = ENGINE_PACK.replace("        - note: sink\n          calls: [sink]\n", "        - note: sink\n")
    path = tmp_path / "broken.yaml"
    path.write_text(broken, "utf-8")
    with pytest.raises(PackError):
        load_pack(path)


def test_summaries_pickle(tmp_path, engine_rules):
    from keylint.pipeline.parse import parse

    parsed = parse("app.py", "def f(v):\n    sink(v)\n\nf(request.args)\n", "python")
    summary = taint.summarise(parsed, engine_rules)
    clone = pickle.loads(pickle.dumps(summary))
    assert clone == summary
    index = taint.build_index({"app.py": clone})
    assert pickle.loads(pickle.dumps(index)).pval


def test_prefilter_skips_files_without_tokens_unless_they_import_a_source_module(tmp_path, shipped_rules):
    rules = [r for r in shipped_rules if r.id == "KL401"]
    files = {
        "jobs/__init__.py": "",
        "jobs/auth.py": "import os\n\ndef get_token():\n    return os.environ['VIPPS_ACCESS_TOKEN']\n",
        "jobs/sync.py": "import logging\nfrom jobs.auth import get_token\n\nlogging.info('t=%s', get_token())\n",
        "jobs/other.py": "import logging\n\nlogging.info('t=%s', make())\n",
    }
    write_project(tmp_path, files)
    assert not taint.relevant_text((tmp_path / "jobs/sync.py").read_text(), rules)
    report = scan([str(tmp_path)], rules, ScanOptions(root=str(tmp_path)))
    assert [(f.path, f.line) for f in report.findings] == [("jobs/sync.py", 4)]


def test_json_findings_carry_the_flow(tmp_path, engine_rules):
    report = scan_project(tmp_path, {"app.py": "def f(v):\n    sink(v)\n\nf(request.args)\n"}, engine_rules)
    data = json.loads(FORMATS["json"](report, engine_rules))
    (finding,) = data["findings"]
    assert finding["flow"] == [
        {"path": "app.py", "line": 4, "note": "source: request.args"},
        {"path": "app.py", "line": 4, "note": "passed to f() as v"},
        {"path": "app.py", "line": 2, "note": "sink: sink(v)"},
    ]


def test_sarif_code_flows_validate_against_the_schema(shipped_rules):
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    report = scan([str(EXAMPLES / "partner_app")], shipped_rules, ScanOptions(root=str(EXAMPLES)))
    document = json.loads(FORMATS["sarif"](report, shipped_rules))
    jsonschema.Draft4Validator(schema).validate(document)
    flows = [r for r in document["runs"][0]["results"] if "codeFlows" in r]
    assert {r["ruleId"] for r in flows} >= {"KL201", "KL301", "KL401"}
    for result in flows:
        steps = result["codeFlows"][0]["threadFlows"][0]["locations"]
        assert len(steps) >= 2 and all(s["location"]["message"]["text"] for s in steps)


def test_flow_notes_never_show_a_key_literal(tmp_path, shipped_rules):
    rules = [r for r in shipped_rules if r.id == "KL401"]
    code = "import logging, os\nKEY = os.getenv('VIPPS_SUBSCRIPTION_KEY', 'e5a6e9d9c9195a2df2a12bab861b5979')\nlogging.info(KEY)\n"
    report = scan_project(tmp_path, {"app.py": code}, rules)
    rendered = FORMATS["json"](report, rules)
    assert report.findings and "e5a6e9d9c9195a2df2a12bab861b5979" not in rendered


def test_prefilter_also_takes_modules_that_relevant_files_import(tmp_path, shipped_rules):
    rules = [r for r in shipped_rules if r.id == "KL201"]
    files = {
        "web/__init__.py": "",
        "web/forms.py": "from flask import request\n\ndef posted(name):\n    return request.form[name]\n",
        "web/views.py": (
            "import requests\nfrom web.forms import posted\n\n"
            "def capture(ref):\n    h = auth()\n    h['Merchant-Serial-Number'] = posted('shop')\n"
            "    return requests.post(API + ref, headers=h)\n"
        ),
    }
    write_project(tmp_path, files)
    assert not taint.relevant_text((tmp_path / "web/forms.py").read_text(), rules)
    report = scan([str(tmp_path)], rules, ScanOptions(root=str(tmp_path)))
    assert [(f.path, f.line) for f in report.findings] == [("web/views.py", 6)]


GATED_PACK = ENGINE_PACK.replace(
    "      sinks:\n        - note: log\n",
    "      project_prefilter: [vipps-log-marker]\n      sinks:\n        - note: log\n",
)
LEAKY = {"app.py": "from flask import request\n\ndef view(client_secret):\n    sink(request.args)\n    log(client_secret)\n"}


def _found(report) -> list:
    return sorted((f.rule_id, f.path, f.line) for f in report.findings)


def test_rule_whose_project_tokens_occur_in_no_file_sits_the_scan_out(tmp_path, tmp_path_factory):
    from tests.conftest import pack_rules

    rules = pack_rules(tmp_path_factory, GATED_PACK)
    closed = scan_project(tmp_path, LEAKY, rules)
    assert _found(closed) == [("ET001", "app.py", 4)]
    assert closed.project["taint"].rule_ids == {"ET001"}
    # One file anywhere in the scan with a token (here only in a comment) brings the rule in.
    opened = scan_project(tmp_path, {**LEAKY, "settings.py": "# vipps-log-marker\n"}, rules)
    assert _found(opened) == [("ET001", "app.py", 4), ("ET002", "app.py", 5)]


def test_summary_cache_is_keyed_on_the_rules_in_play(tmp_path, tmp_path_factory):
    from tests.conftest import pack_rules

    rules = pack_rules(tmp_path_factory, GATED_PACK)
    root, cache = tmp_path / "app", tmp_path / "cache"
    options = ScanOptions(root=str(root), cache_dir=str(cache))
    write_project(root, LEAKY)
    assert _found(scan([str(root)], rules, options)) == [("ET001", "app.py", 4)]
    write_project(root, {"settings.py": "# vipps-log-marker\n"})  # app.py unchanged: its old summary lacks ET002
    assert _found(scan([str(root)], rules, options)) == [("ET001", "app.py", 4), ("ET002", "app.py", 5)]


def test_harness_fails_a_vulnerable_example_without_project_tokens(tmp_path_factory):
    from keylint.cli.ruletest import run_rule_examples
    from tests.conftest import pack_rules

    rules = [r for r in pack_rules(tmp_path_factory, GATED_PACK) if r.id == "ET002"]
    (vulnerable, safe) = run_rule_examples(rules)
    assert not vulnerable.ok and "project_prefilter" in vulnerable.detail
    assert safe.ok


def test_project_phase_summaries_in_worker_processes_match_in_process(tmp_path, shipped_rules):
    import shutil

    tree = tmp_path / "app"
    shutil.copytree(EXAMPLES / "partner_app", tree)
    for i in range(20):  # enough files that the project phase starts workers
        (tree / f"extra_{i}.py").write_text(f"import os\nVIPPS_CLIENT_ID_{i} = os.getenv('VIPPS_CLIENT_ID')\n", "utf-8")
    one, two = (scan([str(tree)], shipped_rules, ScanOptions(root=str(tree), jobs=jobs)) for jobs in (1, 2))
    assert one.findings and FORMATS["sarif"](one, shipped_rules) == FORMATS["sarif"](two, shipped_rules)
    assert len(one.project["taint"].summaries) > 16


@pytest.mark.parametrize("text", [
    "", "nothing here", "CLIENT_ID = 1", "x = 'Merchant-Serial-Number'; msn = 2", "msn", "ms", "client_",
    "the client-secret and the Client_Id", "https://apitest.vipps.no/epayment/v1/payments",
])
def test_tokens_in_finds_exactly_the_tokens_that_occur(text):
    from keylint.rules.tokens import tokens_in

    tokens = frozenset({"client_id", "client-secret", "client_secret", "client", "msn", "msn=",
                        "merchant-serial-number", "apitest.vipps.no", "epayment/v", "a.b"})
    assert tokens_in(text, tokens) == {t for t in tokens if t in text.lower()}
    assert tokens_in("a-b", frozenset({"a.b"})) == frozenset()  # escaped: a dot is a dot


def _summarised(report) -> list:
    return sorted(report.project["taint"].summaries)


def test_a_helper_without_tokens_is_summarised_when_a_key_goes_into_it(tmp_path, shipped_rules):
    rules = [r for r in shipped_rules if r.id == "KL401"]
    files = {
        "jobs/__init__.py": "",
        "jobs/audit.py": "import logging\n\ndef note(value):\n    logging.info('sent %s', value)\n\ndef unrelated(x):\n    return x\n",
        "jobs/big.py": "def helper(n):\n    return n + 1\n",
        "jobs/sync.py": (
            "import os\nfrom jobs.audit import note\nfrom jobs import big\n\n"
            "secret = os.environ['VIPPS_CLIENT_SECRET']\nnote(secret)\nbig.helper(3)\n"
        ),
    }
    report = scan_project(tmp_path, files, rules)
    assert [(f.path, f.line) for f in report.findings] == [("jobs/audit.py", 4)]
    # jobs/big.py is imported but nothing that matters goes in or comes out: not summarised.
    assert _summarised(report) == ["jobs/__init__.py", "jobs/audit.py", "jobs/sync.py"]


def test_a_method_or_field_from_a_base_class_without_tokens_is_followed(tmp_path, shipped_rules):
    rules = [r for r in shipped_rules if r.id == "KL201"]
    files = {
        "web/__init__.py": "",
        "web/base.py": (
            "from flask import request\n\n"
            "class Checkout:\n"
            "    def __init__(self):\n        self.shop = request.args['shop']\n\n"
            "    def posted(self, name):\n        return request.form[name]\n"
        ),
        "web/vipps.py": (
            "import requests\nfrom web.base import Checkout\n\n"
            "class Capture(Checkout):\n"
            "    def by_field(self):\n"
            "        return requests.post(URL, headers={'Merchant-Serial-Number': self.shop})\n\n"
            "    def by_method(self):\n"
            "        return requests.post(URL, headers={'Merchant-Serial-Number': self.posted('msn')})\n"
        ),
    }
    report = scan_project(tmp_path, files, rules)
    assert [(f.path, f.line) for f in report.findings] == [("web/vipps.py", 6), ("web/vipps.py", 9)]
    assert "web/base.py" in _summarised(report)


def test_a_module_level_value_from_a_module_without_tokens_is_followed(tmp_path, shipped_rules):
    rules = [r for r in shipped_rules if r.id == "KL201"]
    files = {
        "web/__init__.py": "",
        "web/ctx.py": "from flask import request\n\nSHOP = request.args['shop']\n",
        "web/vipps.py": (
            "import requests\nfrom web.ctx import SHOP\nfrom web import ctx\n\n"
            "def capture():\n    return requests.post(URL, headers={'Merchant-Serial-Number': SHOP})\n\n"
            "def refund():\n    return requests.post(URL, headers={'Merchant-Serial-Number': ctx.SHOP})\n"
        ),
    }
    report = scan_project(tmp_path, files, rules)
    assert [(f.path, f.line) for f in report.findings] == [("web/vipps.py", 6), ("web/vipps.py", 9)]
