"""The `secret` kind over every place a literal can be bound to a key name."""

from __future__ import annotations

import textwrap

import pytest

from keylint.pipeline.analyse import analyse_file
from keylint.pipeline.discover import SourcePath, file_kind
from keylint.rules.packs import load_rules

SECRET = "Kj8s2PqL0vX9wZ4mN7bR1tY5uE3hA6dF"
SUB_KEY = "3f9c1a7e5b2d4086a1c9e7f3b5d20846"
CLIENT_ID = "7c0e5a9b-3d1f-4e62-8a47-b9d2c6f1e035"


@pytest.fixture(scope="module")
def rules():
    return load_rules()


VIPPS_API = 'VIPPS_API = "https://api.vipps.no"\n'  # Vipps evidence, appended so line numbers hold


def findings(rules, code: str, path: str = "app/settings.py", evident: bool = True):
    """Findings in `code`; Python gets a last line that shows Vipps unless `evident` is false."""
    kind = file_kind(path.rsplit("/", 1)[-1])
    code = textwrap.dedent(code)
    if evident and kind == "python":
        code = code.rstrip("\n") + "\n" + VIPPS_API
    result = analyse_file(SourcePath(path, path, kind), code.encode(), rules)
    assert not result.errors, result.errors
    return result.findings


def flagged(rules, code: str, path: str = "app/settings.py", evident: bool = True):
    return [(f.rule_id, f.line) for f in findings(rules, code, path, evident)]


@pytest.mark.parametrize(
    "code,expected",
    [
        (f'CLIENT_SECRET = "{SECRET}"', [("KL101", 1)]),
        (f'class Config:\n    client_secret: str = "{SECRET}"', [("KL101", 2)]),
        (f'def __init__(self):\n    self.client_secret = "{SECRET}"', [("KL101", 2)]),
        (f'headers["client_secret"] = "{SECRET}"', [("KL101", 1)]),
        (f'headers = {{"Ocp-Apim-Subscription-Key": "{SUB_KEY}"}}', [("KL102", 1)]),
        (f'VippsClient(client_id="{CLIENT_ID}")', [("KL103", 1)]),
        (f'def token(client_secret="{SECRET}"):\n    pass', [("KL101", 1)]),
        (f'CLIENT_SECRET = "{SECRET[:10]}" "{SECRET[10:]}"', [("KL101", 1)]),
        (f'CLIENT_SECRET = "{SECRET[:10]}" + "{SECRET[10:]}"', [("KL101", 1)]),
        (f'CLIENT_SECRET = f"{SECRET}"', [("KL101", 1)]),
        (f'client_id, client_secret = "{CLIENT_ID}", "{SECRET}"', [("KL103", 1), ("KL101", 1)]),
        (f'secret = os.getenv("VIPPS_CLIENT_SECRET", "{SECRET}")', [("KL101", 1)]),
        (f'secret = config("VIPPS_CLIENT_SECRET", default="{SECRET}")', [("KL101", 1)]),
        (f'os.environ.setdefault("VIPPS_SUBSCRIPTION_KEY", "{SUB_KEY}")', [("KL102", 1)]),
        (f'settings = dict(clientSecret="{SECRET}")', [("KL101", 1)]),
    ],
)
def test_python_bindings_are_flagged(rules, code, expected):
    assert sorted(flagged(rules, code)) == sorted(expected)


@pytest.mark.parametrize(
    "code",
    [
        'CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]',
        "CLIENT_SECRET = settings.VIPPS_CLIENT_SECRET",
        'CLIENT_SECRET = f"{prefix}abc123def456ghi789"',
        'CLIENT_SECRET = "<your client secret>"',
        'CLIENT_SECRET = "op://vault/vipps/client_secret"',
        'CLIENT_SECRET = "arn:aws:secretsmanager:eu-north-1:123456789012:secret:vipps"',
        'CLIENT_SECRET = "%(client_secret)s"',
        f'REFERENCE = "{SECRET}"',
        f'client_secret_path = "/run/secrets/{SECRET}"',
        f'if client_secret == "{SECRET}":\n    pass',
        'client_secret = "short1A"',
        'client_secret = "alllowercasebutlongenough"',
    ],
)
def test_python_look_alikes_stay_quiet(rules, code):
    assert flagged(rules, code) == []


def test_test_files_keep_findings_at_the_rules_test_severity(rules):
    [secret] = findings(rules, f'CLIENT_SECRET = "{SECRET}"', "tests/test_client.py")
    [client_id] = findings(rules, f'CLIENT_ID = "{CLIENT_ID}"', "tests/test_client.py")
    assert (secret.severity, client_id.severity) == ("high", "low")


def test_unshaped_subscription_key_has_medium_confidence(rules):
    [shaped] = findings(rules, f'SUBSCRIPTION_KEY = "{SUB_KEY}"')
    [unshaped] = findings(rules, 'SUBSCRIPTION_KEY = "Q2hhbmdlZE1lMjAyNFN1YktleVZhbHVlWg"')
    assert (shaped.confidence, unshaped.confidence) == ("high", "medium")


def test_every_occurrence_is_reported_with_distinct_fingerprints(rules):
    code = f'A = {{"client_secret": "{SECRET}"}}\nB = {{"client_secret": "{SECRET}"}}\n'
    result = findings(rules, code)
    assert [f.line for f in result] == [1, 2]
    assert len({f.fingerprint for f in result}) == 2


def test_fingerprint_survives_line_moves(rules):
    before = findings(rules, f'def f():\n    CLIENT_SECRET = "{SECRET}"\n')
    after = findings(rules, f'import os\n\n\ndef f():\n    CLIENT_SECRET = "{SECRET}"\n')
    assert before[0].fingerprint == after[0].fingerprint
    assert before[0].line != after[0].line


@pytest.mark.parametrize(
    "path,text,rule_id",
    [
        (".env", f"VIPPS_CLIENT_SECRET={SECRET}\n", "KL101"),
        ("config/prod.env", f"export VIPPS_SUBSCRIPTION_KEY='{SUB_KEY}'\n", "KL102"),
        ("deploy/values.yaml", f"vipps:\n  clientId: {CLIENT_ID}\n", "KL103"),
        ("k8s/deploy.yml", f"env:\n  - name: VIPPS_CLIENT_SECRET\n    value: \"{SECRET}\"\n", "KL101"),
        ("appsettings.json", f'{{"Vipps": {{"ClientSecret": "{SECRET}"}}}}', "KL101"),
        ("pyproject.toml", f'[tool.shop.vipps]\nsubscription_key = "{SUB_KEY}"\n', "KL102"),
        ("setup.cfg", f"[vipps]\nclient_secret = {SECRET}\n", "KL101"),
    ],
)
def test_config_files_are_flagged(rules, path, text, rule_id):
    assert [f.rule_id for f in findings(rules, text, path)] == [rule_id]


def test_redaction_covers_message_and_snippet(rules):
    [finding] = findings(rules, f'CLIENT_SECRET = "{SECRET}"  # prod key')
    assert SECRET not in finding.message and SECRET not in finding.snippet
    assert "'Kj8s…' (32 chars)" in finding.message
    assert finding.snippet == 'CLIENT_SECRET = "Kj8s…(32 chars)"  # prod key'


@pytest.mark.parametrize(
    "code",
    [
        # Other providers' credentials under generic names: no Vipps name, host, header or path.
        f'CLIENT_SECRET = "{SECRET}"\nAUTHORITY = "https://login.microsoftonline.com/common"',
        f'CLIENT_ID = "{CLIENT_ID}"  # not Vipps: an Azure AD app id',
        'headers = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqb2huZG9lIn0.c2lnbmF0dXJlYnl0ZXM"}',
    ],
)
def test_generic_names_need_vipps_evidence(rules, code):
    assert flagged(rules, code) != []  # with evidence the same code is a finding ...
    assert flagged(rules, code, evident=False) == []  # ... without, none


def test_evidence_is_named_in_the_message(rules):
    code = f'CLIENT_SECRET = "{SECRET}"\nTOKEN_URL = "https://api.vipps.no/accesstoken/get"'
    [hit] = findings(rules, code, evident=False)
    assert hit.message.endswith("Vipps evidence: 'https://api.vipps.no/accesstoken/get' at line 2")


def test_documented_subscription_key_shape_needs_no_other_evidence(rules):
    assert flagged(rules, f'SUBSCRIPTION_KEY = "{SUB_KEY}"', evident=False) == [("KL102", 1)]
    assert flagged(rules, 'SUBSCRIPTION_KEY = "Zq8Lm2Xv7Tn4Wb1Pd9Hs6Jf3Gc0Ay5Ke"', evident=False) == []


def test_comments_are_not_evidence_in_python_but_are_in_config(rules):
    assert flagged(rules, f'# Vipps keys\nCLIENT_SECRET = "{SECRET}"', evident=False) == []
    assert flagged(rules, f"# Vipps keys\nCLIENT_SECRET={SECRET}\n", path=".env") == [("KL101", 2)]
