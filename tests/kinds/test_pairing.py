"""The pairing kind (KL504): a configuration that gives one deployment partner keys and the test host."""

from __future__ import annotations

import pytest

from keylint.rules.packs import PackError, load_rules
from tests.conftest import scan_project


@pytest.fixture
def kl504(shipped_rules):
    return [r for r in shipped_rules if r.id == "KL504"]


def _found(report):
    return [(f.path, f.line, f.column) for f in report.findings]


def test_every_config_format_reports_the_test_host_and_names_the_keys(tmp_path, kl504):
    files = {
        "deploy/staging.env": "export VIPPS_BASE_URL='https://apitest.vipps.no'\nVIPPS_KEYSET=Partner\n",
        "compose.yaml": "services:\n  web:\n    environment:\n      - VIPPS_PARTNER_CLIENT_SECRET=${SECRET}\n"
                        "      - VIPPS_BASE_URL=https://apitest.vipps.no/\n",
        "k8s/configmap.yaml": "kind: ConfigMap\ndata:\n  VIPPS_BASE_URL: \"https://apitest.vipps.no:443\"\n"
                              "  VIPPS_KEYSET: partner\n",
        "settings.toml": "[vipps.partner]\nclient_id = \"${ID}\"\n[vipps]\nbase_url = \"https://apitest.vipps.no\"\n",
        "setup.cfg": "[vipps]\nbase_url = https://apitest.vipps.no\npartner_subscription_key = %(KEY)s\n",
        "config.json": '{"vipps": {"keyset": "partner", "url": "https://apitest.vipps.no"}}\n',
        "settings/staging.py": "VIPPS = {\"base_url\": \"https://apitest.vipps.no\",\n"
                               "         \"partner\": {\"client_id\": env(\"ID\")}}\n",
    }
    report = scan_project(tmp_path, files, kl504)
    assert sorted(_found(report)) == [
        ("compose.yaml", 5, 24), ("config.json", 1, 41), ("deploy/staging.env", 1, 24),
        ("k8s/configmap.yaml", 3, 20), ("settings.toml", 4, 13), ("settings/staging.py", 1, 22),
        ("setup.cfg", 2, 12),
    ]
    messages = {f.path: f.message for f in report.findings}
    assert messages["deploy/staging.env"].startswith(
        "VIPPS_BASE_URL points at the test environment, and the same configuration gives partner keys (VIPPS_KEYSET, line 2)")
    assert "(client_id, line 2)" in messages["settings/staging.py"]
    assert "${SECRET}" not in messages["compose.yaml"]  # names the key, never its value


def test_separate_deployments_other_key_sets_and_other_hosts_are_not_reported(tmp_path, kl504):
    files = {
        # Sibling sections are separate deployments.
        "helm/values.yaml": "production:\n  keyset: partner\nstaging:\n  base_url: https://apitest.vipps.no\n",
        "vipps.ini": "[prod]\npartner_client_id = abc\n[test]\nbase_url = https://apitest.vipps.no\n",
        # A switch picking another key set outweighs partner key names next to it.
        ".env.example": "VIPPS_BASE_URL=https://apitest.vipps.no\nVIPPS_KEYSET=sandbox\nVIPPS_PARTNER_CLIENT_ID=YOUR-ID\n",
        # Empty partner keys, merchant keys, look-alike hosts.
        "deploy/qa.env": "VIPPS_BASE_URL=https://apitest.vipps.no\nVIPPS_PARTNER_CLIENT_ID=\nVIPPS_MERCHANT_CLIENT_ID=x\n",
        "deploy/prod.env": "VIPPS_BASE_URL=https://api.vipps.no\nVIPPS_KEYSET=partner\n",
        "deploy/docs.env": "DOCS_URL=https://apitest.vipps.no.example.com\nVIPPS_KEYSET=partner\n",
        # Python: if/else branches, a None key, and a function body are not one deployment's settings.
        "settings/base.py": "import os\nif os.environ['ENV'] == 'prod':\n    VIPPS_KEYSET = 'partner'\n"
                            "elif os.environ['ENV'] == 'qa':\n    VIPPS_KEYSET = 'merchant'\n"
                            "else:\n    VIPPS_BASE_URL = 'https://apitest.vipps.no'\n"
                            "PARTNER_CLIENT_ID = None\n"
                            "def smoke():\n    PARTNER_CLIENT_ID = os.environ['X']\n",
    }
    assert _found(scan_project(tmp_path, files, kl504)) == []


def test_python_branch_that_pairs_them_is_reported(tmp_path, kl504):
    code = ("import os\nVIPPS_KEYSET = 'partner'\nif os.environ.get('STAGING'):\n"
            "    VIPPS_BASE_URL = 'https://apitest.vipps.no'\nclass Vipps:\n    keyset = 'merchant'\n")
    assert _found(scan_project(tmp_path, {"settings.py": code}, kl504)) == [("settings.py", 4, 22)]


def test_a_suppression_comment_silences_it(tmp_path, kl504):
    env = "VIPPS_KEYSET=partner\nVIPPS_BASE_URL=https://apitest.vipps.no  # keylint: ignore[KL504] -- fails on purpose\n"
    report = scan_project(tmp_path, {"deploy/negative-test.env": env}, kl504)
    assert report.findings == [] and report.suppressed == 1


def test_a_pack_without_hosts_is_refused(tmp_path):
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "pack: bad\nversion: '1'\nrules:\n  - id: XX100\n    name: x\n    pitfall: partner-keys-in-test\n"
        "    severity: low\n    confidence: low\n    message: m\n    docs: {summary: s, what: w, why: y, example: e, fix: f}\n"
        "    kind: pairing\n    pairing: {keys: ['partner'], hosts: {values: ['(']}}\n"
        "    examples: {vulnerable: ['a = 1'], safe: ['a = 1']}\n")
    with pytest.raises(PackError, match=r"invalid regex"):
        load_rules([pack], include_shipped=False)
    pack.write_text(pack.read_text().replace("hosts: {values: ['(']}", "exclude: []"))
    with pytest.raises(PackError, match="hosts"):
        load_rules([pack], include_shipped=False)


def test_python_modules_count_only_when_their_path_says_settings(tmp_path, kl504):
    code = "import os\nBASE_URL = 'https://apitest.vipps.no'\nPARTNER_CLIENT_ID = os.environ['ID']\n"
    report = scan_project(tmp_path, {"scripts/smoke.py": code, "app/config.py": code}, kl504)
    assert _found(report) == [("app/config.py", 2, 12)]
