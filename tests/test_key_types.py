"""The key-type rules (rules/key-types.yaml) with the project configuration and the CLI:
`[tool.keylint.key-types]` names key types the code does not say, and `scan --explain-keys`
shows what was inferred for each request."""

from __future__ import annotations

import json

from keylint.pipeline.scan import ScanOptions, scan
from keylint.rules.packs import load_rules
from tests.conftest import write_tree

NEUTRAL = """\
import os
import requests

SHOP_KEY = os.environ["SHOP_KEY"]


def cancel(reference):
    return requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/cancel",
                         headers={"Ocp-Apim-Subscription-Key": SHOP_KEY})
"""


def _key_rules() -> list:
    return [r for r in load_rules() if r.id in ("KL501", "KL502", "KL503")]


def test_declared_key_type_makes_a_rule_fire(tmp_path):
    write_tree(tmp_path, {"pay.py": NEUTRAL})
    silent = scan([str(tmp_path)], _key_rules(), ScanOptions(root=str(tmp_path)))
    declared = scan([str(tmp_path)], _key_rules(), ScanOptions(root=str(tmp_path), key_types=(("SHOP_KEY", "partner"),)))
    assert silent.findings == []
    assert [(f.rule_id, f.line) for f in declared.findings] == [("KL503", 8)]
    as_merchant = scan([str(tmp_path)], _key_rules(), ScanOptions(root=str(tmp_path), key_types=(("SHOP_KEY", "merchant"),)))
    assert as_merchant.findings == []


def test_pyproject_key_types_reach_the_rules(tmp_path, scan_json):
    write_tree(tmp_path, {"pay.py": NEUTRAL, "pyproject.toml": '[tool.keylint.key-types]\nSHOP_KEY = "partner"\n'})
    code, document = scan_json(tmp_path, "--select", "KL503")
    assert code == 1
    assert [(f["rule_id"], f["path"], f["line"]) for f in document["findings"]] == [("KL503", "pay.py", 8)]


def test_explain_keys_shows_labels_evidence_and_what_is_unknown(tmp_path, cli):
    write_tree(tmp_path, {
        "pay.py": NEUTRAL,
        "partner.py": """\
            import os
            import requests

            PARTNER_SUBSCRIPTION_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]


            def capture(msn, reference):
                return requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture",
                                     headers={"Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY, "Merchant-Serial-Number": msn})
            """,
    })
    result = cli(["scan", "--select", "KL501,KL502,KL503", "--explain-keys", "."], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    text = result.stdout
    partner = text[text.index("partner.py\n"):text.index("pay.py\n")]
    assert "  line 8: requests.post(" in partner
    assert "key:partner        in Ocp-Apim-Subscription-Key" not in partner
    assert "key:partner        in headers   <- source: PARTNER_SUBSCRIPTION_KEY (partner.py:9)" in partner
    assert "header:msn         in headers" in partner
    assert "api:main           in url" in partner and "env:prod           in url" in partner
    assert "reported: nothing" in partner
    neutral = text[text.index("pay.py\n"):]
    assert "api:main           in url" in neutral
    assert "no evidence for:   auth, key" in neutral


def test_explain_keys_names_the_rule_that_fired(tmp_path, cli):
    write_tree(tmp_path, {"pay.py": NEUTRAL, "pyproject.toml": '[tool.keylint.key-types]\nSHOP_KEY = "partner"\n'})
    result = cli(["scan", "--explain-keys", "-q", "."], cwd=tmp_path)
    assert result.exit_code == 1
    assert "key:partner        in headers   <- source: SHOP_KEY (pay.py:9)" in result.stdout
    assert "reported: KL503" in result.stdout


def test_explain_keys_keeps_machine_formats_valid(tmp_path, cli):
    write_tree(tmp_path, {"pay.py": NEUTRAL})
    result = cli(["scan", "--format", "json", "--explain-keys", "."], cwd=tmp_path)
    assert json.loads(result.stdout)["findings"] == []
    assert "pay.py\n  line 8:" in result.stderr


def test_explain_keys_without_key_type_rules(tmp_path, cli):
    write_tree(tmp_path, {"pay.py": NEUTRAL})
    result = cli(["scan", "--select", "KL101", "--explain-keys", "."], cwd=tmp_path)
    assert "explain-keys: no key-type rules are selected." in result.stdout


URLLIB = """\
import json
import os
import urllib.request


def cancel(reference, msn):
    req = urllib.request.Request(f"https://api.vipps.no/epayment/v1/payments/{reference}/cancel", data=b"{}", method="POST")
    req.add_header("Ocp-Apim-Subscription-Key", os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"])
    {msn_line}
    with urllib.request.urlopen(req) as resp:
        return json.load(resp)
"""
GLOBAL_TOKEN = """\
import os
import requests

API = "https://api.vipps.no"
_token = None


def refresh():
    global _token
    _token = requests.post(f"{API}/accesstoken/get", headers={
        "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"]}).json()["access_token"]


def ledgers(msn):
    refresh()
    return requests.get(f"{API}/settlement/v1/ledgers", params={"msn": msn}, headers={"Authorization": f"Bearer {_token}"})
"""
HEADER_CONSTANT = """\
import os
import requests

MSN_HEADER = "Merchant-Serial-Number"


def capture(msn, reference):
    headers = {"Ocp-Apim-Subscription-Key": os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]}
    headers[MSN_HEADER] = msn
    return requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers=headers)
"""
PATTERNS = {
    "urllib add_header without MSN": (URLLIB.replace("{msn_line}", "pass"), [("KL503", 10)]),
    "urllib add_header with MSN": (URLLIB.replace("{msn_line}", 'req.add_header("Merchant-Serial-Number", msn)'), []),
    "partner token cached in a global": (GLOBAL_TOKEN, [("KL501", 17)]),
    "MSN header through a constant": (HEADER_CONSTANT, []),
}


def test_integration_patterns(tmp_path):
    for name, (code, expected) in PATTERNS.items():
        root = tmp_path / name.replace(" ", "_")
        write_tree(root, {"app.py": code})
        report = scan([str(root)], _key_rules(), ScanOptions(root=str(root)))
        assert [(f.rule_id, f.line) for f in report.findings] == expected, name
