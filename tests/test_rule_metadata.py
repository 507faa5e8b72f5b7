"""Rule metadata in every place users meet it: CWE ids, known limitations, suppression syntax,
code-fence languages; --statistics; --color with NO_COLOR and FORCE_COLOR."""

from __future__ import annotations

import json

import pytest
from tests.cli_helpers import CLIENT_ID, SECRET_A, SUB_KEY, run
from tests.conftest import REPO

from keylint.report.ruledoc import cwe_ids


def test_every_shipped_rule_documents_its_limitations_and_cwe(shipped_rules):
    for rule in shipped_rules:
        assert rule.docs.get("limitations"), rule.id
        assert cwe_ids(rule) or "no CWE" in rule.docs["limitations"], rule.id
    rules_md = (REPO / "docs" / "rules.md").read_text()
    sections = rules_md.split("\n## ")[1:]
    assert len(sections) == len(shipped_rules)
    assert all("### Known limitations" in section for section in sections)
    assert "[CWE-639](https://cwe.mitre.org/data/definitions/639.html)" in rules_md
    assert "`{# keylint: ignore[KL302] -- reason #}`" in rules_md and "| JSON | no comments" in rules_md


def test_code_fences_name_the_language_of_the_example():
    rules_md = (REPO / "docs" / "rules.md").read_text()
    kl302 = rules_md.split("\n## KL302 ")[1].split("\n## ")[0]
    kl101 = rules_md.split("\n## KL101 ")[1].split("\n## ")[0]
    assert "```jinja\n<dd>" in kl302 and "```python" not in kl302
    assert "```python\nCLIENT_SECRET" in kl101


def test_sarif_tags_carry_the_cwe(repo):
    repo.write("settings.py", f'CLIENT_SECRET = "{SECRET_A}"\n')
    rules = {r["id"]: r for r in json.loads(run("scan", "--format", "sarif").stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["KL101"]["properties"]["tags"] == ["security", "hardcoded-secret", "external/cwe/cwe-798"]
    assert rules["KL301"]["properties"]["tags"][-2:] == ["external/cwe/cwe-200", "external/cwe/cwe-522"]
    assert "## Known limitations" in rules["KL201"]["help"]["markdown"]
    assert "```jinja" in rules["KL302"]["help"]["markdown"]


def test_rules_show_prints_cwe_limitations_and_the_file_types_suppression():
    page = run("rules", "show", "KL101").stdout
    assert "CWE-798" in page and "Known limitations" in page and "; keylint: ignore[KL101]" in page
    assert "{# keylint: ignore[KL302] -- reason #}" in run("rules", "show", "KL302").stdout


def test_statistics_count_findings_per_rule_and_severity(repo):
    repo.write("a.py", f'VIPPS_CLIENT_SECRET = "{SECRET_A}"\nSUBSCRIPTION_KEY = "{SUB_KEY}"\n')
    repo.write("b.py", f'VIPPS_CLIENT_SECRET = "{SECRET_A}"\nVIPPS_CLIENT_ID = "{CLIENT_ID}"\n')
    text = run("scan", "--statistics").stdout
    assert text.split("findings per rule and severity:\n")[1] == (
        "     2  KL101    critical  hardcoded-client-secret\n"
        "     1  KL102    critical  hardcoded-subscription-key\n"
        "     1  KL103    medium    hardcoded-client-id\n"
        "     4  total (3 critical, 1 medium)\n"
    )
    as_json = run("scan", "--format", "json", "--statistics")
    assert json.loads(as_json.stdout)["stats"]["findings"] == 4 and "     4  total" in as_json.stderr


@pytest.mark.parametrize(("flag", "env", "coloured"), [
    ("auto", {}, False),                      # not a terminal
    ("auto", {"FORCE_COLOR": "1"}, True),
    ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ("always", {"NO_COLOR": "1"}, True),
    ("never", {"FORCE_COLOR": "1"}, False),
])
def test_color_option_and_environment(repo, monkeypatch, flag, env, coloured):
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    repo.write("a.py", f'VIPPS_CLIENT_SECRET = "{SECRET_A}"\n')
    assert ("\x1b[" in run("scan", "--color", flag).stdout) is coloured
