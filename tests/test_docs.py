"""docs/rules.md is generated from the shipped packs and must be up to date; `rules show`."""

from __future__ import annotations

from pathlib import Path

from tests.cli_helpers import run, secret_pack

from keylint.report.docs import anchor, render, rule_section
from keylint.rules.packs import load_rules

RULES_MD = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_checked_in_rules_md_is_up_to_date():
    assert RULES_MD.read_text("utf-8") == render(load_rules()), "regenerate: keylint docs -o docs/rules.md"


def test_every_rule_has_a_full_section():
    text = RULES_MD.read_text("utf-8")
    for rule in load_rules():
        section = text.split(f"## {rule.id} {rule.name}\n", 1)[1].split("\n## ", 1)[0]
        for heading in ("### What it does", "### Why is this bad", "### Example", "### Use instead", "### References"):
            assert heading in section, (rule.id, heading)
        assert f"](#{anchor(rule)})" in text
        assert rule.docs["example"].strip().splitlines()[0] in section


def test_docs_check_flags_a_stale_file(repo):
    assert run("docs", "--check", str(RULES_MD)).exit_code == 0
    repo.write("rules.md", RULES_MD.read_text("utf-8").replace("## KL102", "## KL999"))
    stale = run("docs", "--check", "rules.md")
    assert stale.exit_code == 1 and "rules.md is out of date" in stale.stderr
    missing = run("docs", "--check", "nope.md")
    assert missing.exit_code == 2


def test_docs_include_extra_packs(repo):
    repo.write("acme.yaml", secret_pack("ACME001", "(^|_)acme_key$", ['ACME_KEY = "Zr8Kq1Lm5Xv2Tn9Wb4Pd7Hs3Jf6Gc0Ay"'], ["x = 1"]))
    result = run("docs", "--rules", "acme.yaml", "-o", "out.md")
    assert result.exit_code == 0
    assert "## ACME001 acme001-rule" in (repo.path / "out.md").read_text()


def test_rules_show_text_and_markdown():
    text = run("rules", "show", "KL101")
    assert text.exit_code == 0
    for heading in ("What it does", "Why is this bad", "Example", "Use instead", "References"):
        assert f"\n{heading}\n" in text.stdout
    assert "# keylint: ignore[KL101] -- reason" in text.stdout
    markdown = run("rules", "show", "hardcoded-client-secret", "--markdown")
    assert markdown.stdout == rule_section(next(r for r in load_rules() if r.id == "KL101"))
    unknown = run("rules", "show", "KL999")
    assert unknown.exit_code == 2 and "no rule 'KL999'" in unknown.stderr


def test_readme_quick_start_is_what_ci_runs():
    top = RULES_MD.parent.parent
    readme, ci = (top / "README.md").read_text("utf-8"), (top / ".ci" / "run").read_text("utf-8")
    test_command = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    assert f"```sh\n{test_command}\n```" in readme and test_command in ci
    assert "```sh\npython3 -m venv .venv && .venv/bin/pip install . && .venv/bin/keylint scan examples/partner_app\n```" in readme


def test_usage_documents_every_scan_option():
    from keylint.cli.scan import scan

    usage = (RULES_MD.parent / "usage.md").read_text("utf-8")
    for param in scan.params:
        if param.opts and param.opts[0].startswith("--"):
            assert f"`{param.opts[0]}" in usage, param.opts[0]
