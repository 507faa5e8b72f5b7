"""Project configuration: pyproject.toml [tool.keylint] and .keylint.yaml, driven through the CLI."""

from __future__ import annotations

import json

import pytest
import yaml
from tests.cli_helpers import VIPPS_API, CLIENT_ID, SECRET_A, SUB_KEY, rule_ids, run, scan_json, secret_pack

from keylint.pipeline.analyse import analyse_file
from keylint.pipeline.discover import SourcePath
from keylint.rules.config import ConfigError, load_config
from keylint.rules.packs import load_rules

APP = f'''
import os

CLIENT_SECRET = "{SECRET_A}"
SUBSCRIPTION_KEY = "{SUB_KEY}"
VIPPS_CLIENT_ID = "{CLIENT_ID}"
'''

EXTRA_PACK = secret_pack(
    "ACME001",
    "(^|_)acme_partner_key$",
    ['ACME_PARTNER_KEY = "Zr8Kq1Lm5Xv2Tn9Wb4Pd7Hs3Jf6Gc0Ay"'],
    ['ACME_PARTNER_KEY = os.environ["ACME_PARTNER_KEY"]'],
    pitfall="partner-keys-in-test",
)


def test_pyproject_select_and_severity_override(repo):
    repo.write("pyproject.toml", '[tool.keylint]\nselect = ["KL101", "KL103"]\n[tool.keylint.severity]\nKL103 = "critical"\n')
    repo.write("app/settings.py", APP)
    code, document = scan_json()
    assert code == 1
    assert rule_ids(document) == [("app/settings.py", "KL101", 4), ("app/settings.py", "KL103", 6)]
    assert [f["severity"] for f in document["findings"]] == ["critical", "critical"]
    sarif = json.loads(run("scan", "--format", "sarif").stdout)
    levels = {r["id"]: r["properties"]["security-severity"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert levels == {"KL101": "9.5", "KL103": "9.5"}


def test_severity_override_by_pitfall_and_min_severity(repo):
    repo.write(".keylint.yaml", "severity:\n  hardcoded-secret: low\n  KL102: high\nmin-severity: medium\n")
    repo.write("settings.py", APP)
    code, document = scan_json()
    assert rule_ids(document) == [("settings.py", "KL102", 5)]
    assert document["findings"][0]["severity"] == "high"


def test_cli_flags_override_config(repo):
    repo.write("pyproject.toml", '[tool.keylint]\nselect = ["KL101"]\n')
    repo.write("settings.py", APP)
    _, document = scan_json("--select", "KL102")
    assert rule_ids(document) == [("settings.py", "KL102", 5)]
    shown = yaml.safe_load(run("config", "--select", "KL102,KL103").stdout)
    assert shown["select"] == ["KL102", "KL103"]


def test_excludes_and_extra_rule_packs_from_config(repo):
    repo.write("packs/acme.yaml", EXTRA_PACK)
    repo.write(".keylint.yaml", "rules: [packs/acme.yaml]\nexclude: [legacy/]\n")
    repo.write("legacy/old.py", APP)
    repo.write("app.py", f'ACME_PARTNER_KEY = "{SECRET_A}"\n')
    _, document = scan_json()
    assert rule_ids(document) == [("app.py", "ACME001", 1)]


def test_per_path_gives_tests_only_hardcoded_secret(repo):
    repo.write("packs/acme.yaml", EXTRA_PACK)
    repo.write(
        "pyproject.toml",
        '[tool.keylint]\nrules = ["packs/acme.yaml"]\n'
        '[tool.keylint.per-path."tests/"]\nselect = ["hardcoded-secret"]\n'
        '[tool.keylint.per-path."scripts/*.py"]\nignore = ["KL103"]\n',
    )
    body = APP + f'ACME_PARTNER_KEY = "{SECRET_A}"\n'
    for path in ("tests/test_pay.py", "src/pay.py", "scripts/tool.py"):
        repo.write(path, body)
    _, document = scan_json()
    found = {(path, rule) for path, rule, _ in rule_ids(document)}
    assert {rule for path, rule in found if path == "src/pay.py"} == {"KL101", "KL102", "KL103", "ACME001"}
    assert {rule for path, rule in found if path == "tests/test_pay.py"} == {"KL101", "KL102", "KL103"}
    assert {rule for path, rule in found if path == "scripts/tool.py"} == {"KL101", "KL102", "ACME001"}


def test_config_found_in_parent_and_paths_relative_to_it(repo, monkeypatch):
    repo.write(".keylint.yaml", "exclude: [src/generated/]\n")
    repo.write("src/generated/keys.py", APP)
    repo.write("src/app.py", f'CLIENT_SECRET = "{SECRET_A}"\n' + VIPPS_API)
    monkeypatch.chdir(repo.path / "src")
    _, document = scan_json(".")
    assert rule_ids(document) == [("src/app.py", "KL101", 1)]


@pytest.mark.parametrize(
    "filename, text, expected",
    [
        ("pyproject.toml", '[tool.keylint]\nselct = ["KL101"]\n', "pyproject.toml: tool.keylint.selct: unknown key 'selct'"),
        (".keylint.yaml", "per-path:\n  tests/:\n    only: [KL101]\n", ".keylint.yaml: per-path.tests/.only: unknown key 'only'"),
        (".keylint.yaml", "severity: {KL101: urgent}\n", ".keylint.yaml: severity.KL101: 'urgent' is not one of"),
        (".keylint.yaml", "select: [KL999]\n", ".keylint.yaml: select: unknown rule id or pitfall: KL999"),
        (".keylint.yaml", "key-types: {MY_PAY_SECRET: janitor}\n", ".keylint.yaml: key-types.MY_PAY_SECRET: 'janitor' is not one of"),
        (".keylint.yaml", "select: [KL101\n", ".keylint.yaml: cannot read"),
        ("pyproject.toml", "[tool.keylint\n", "pyproject.toml: cannot read"),
        ("pyproject.toml", "[tool]\nkeylint = 3\n", "pyproject.toml: tool.keylint: expected a table of settings"),
        (".keylint.yaml", "- just\n- a list\n", ".keylint.yaml: expected a table of settings"),
    ],
)
def test_config_errors_exit_2_naming_file_and_key(repo, filename, text, expected):
    repo.write(filename, text)
    repo.write("app.py", "x = 1\n")
    for command in (("scan",), ("config",), ("baseline", "create")):
        result = run(*command)
        assert result.exit_code == 2, command
        assert expected in result.stderr


def test_per_path_unknown_rule_is_named(repo):
    repo.write("pyproject.toml", '[tool.keylint.per-path."tests/"]\nignore = ["KL1O1"]\n')
    result = run("scan")
    assert result.exit_code == 2
    assert "pyproject.toml: tool.keylint.per-path.tests/.ignore: unknown rule id or pitfall: KL1O1" in result.stderr


def test_config_command_prints_effective_configuration(repo):
    repo.write(
        "pyproject.toml",
        '[tool.keylint]\nignore = ["KL104"]\nrequire-reason = true\n'
        '[tool.keylint.key-types]\nMY_PAY_SECRET = "partner"\nREPORT_KEY = "accounting"\n'
        '[tool.keylint.per-path."tests/"]\nselect = ["hardcoded-secret"]\n',
    )
    result = run("config", "--min-severity", "high")
    assert result.exit_code == 0
    assert result.stdout.startswith("# keylint configuration from pyproject.toml")
    shown = yaml.safe_load(result.stdout)
    assert shown["key-types"] == {"MY_PAY_SECRET": "partner", "REPORT_KEY": "accounting"}
    assert shown["per-path"] == {"tests/": {"select": ["hardcoded-secret"]}}
    assert shown["ignore"] == ["KL104"] and shown["require-reason"] is True and shown["min-severity"] == "high"


def test_yaml_config_preferred_and_pyproject_without_table_ignored(repo):
    repo.write("pyproject.toml", "[project]\nname = 'shop'\n")
    assert load_config(start=str(repo.path)).source is None
    repo.write(".keylint.yaml", "ignore: [KL103]\n")
    assert load_config(start=str(repo.path)).ignore == ("KL103",)


def test_explicit_missing_config_file():
    with pytest.raises(ConfigError, match="nope.yaml: configuration file not found"):
        load_config("nope.yaml")


def test_key_types_reach_the_kinds(repo, monkeypatch, process_log):
    """A later kind reads the declared key types from the FileContext it is given."""
    from keylint.rules.kinds import secret

    repo.write(".keylint.yaml", "key-types: {MY_PAY_SECRET: partner}\n")
    repo.write("app.py", "client_secret = load()\n")  # a rule token, so the prefilter lets it through
    seen = process_log()
    monkeypatch.setattr(secret, "check", lambda rules, parsed, context: seen.append(dict(context.key_types)) or [])
    assert run("scan").exit_code == 0
    assert seen.items() == [{"MY_PAY_SECRET": "partner"}]  # app.py; .keylint.yaml has no rule token: prefiltered
    direct = analyse_file(SourcePath("a.py", "a.py", "python"), b"x = 1\n", load_rules(), key_types={"K": "merchant"})
    assert direct.findings == [] and seen.items()[-1] == {"K": "merchant"}


def test_boolean_flags_can_turn_config_off(repo):
    repo.write("pyproject.toml", "[tool.keylint]\nrequire-reason = true\n")
    repo.write("a.py", f'CLIENT_SECRET = "{SECRET_A}"  # keylint: ignore[KL101]\n' + VIPPS_API)
    assert run("scan").exit_code == 1
    assert run("scan", "--no-require-reason").exit_code == 0
    assert yaml.safe_load(run("config", "--no-require-reason").stdout)["require-reason"] is False


def test_rules_commands_see_configured_packs(repo):
    repo.write("packs/acme.yaml", EXTRA_PACK)
    repo.write(".keylint.yaml", "rules: [packs/acme.yaml]\n")
    assert "ACME001" in run("rules").stdout
    assert run("rules", "show", "ACME001").exit_code == 0
