"""Suppressions with reasons: --require-reason and --report-unused-suppressions through the CLI."""

from __future__ import annotations

from tests.cli_helpers import VIPPS_API, SECRET_A, SECRET_B, SUB_KEY, rule_ids, run, scan_json

from keylint.pipeline.suppress import Suppression, apply_suppressions, parse_suppressions

CODE = f'''
CLIENT_SECRET = "{SECRET_A}"  # keylint: ignore[KL101] -- rotated 2024-05, test-only key
# keylint: ignore[KL101]
PARTNER_SECRET = "{SECRET_B}"
SUBSCRIPTION_KEY = "{SUB_KEY}"  # keylint: ignore[KL102]
timeout = 30  # keylint: ignore[KL101] -- left over from an old refactor
''' + VIPPS_API


def test_reasoned_and_bare_suppressions_silence_by_default(repo):
    repo.write("pay.py", CODE)
    code, document = scan_json()
    assert code == 0
    assert document["findings"] == [] and document["suppression_issues"] == []
    assert document["stats"]["suppressed"] == 3


def test_require_reason_rejects_bare_suppressions(repo):
    repo.write("pay.py", CODE)
    code, document = scan_json("--require-reason")
    assert code == 1
    # The findings behind bare suppressions are reported; the reasoned one stays silenced.
    assert rule_ids(document) == [("pay.py", "KL101", 4), ("pay.py", "KL102", 5)]
    assert document["suppression_issues"] == [
        {"path": "pay.py", "line": 3, "message": "suppression without a reason (write `-- why` after it)"},
        {"path": "pay.py", "line": 5, "message": "suppression without a reason (write `-- why` after it)"},
    ]
    assert document["stats"]["suppressed"] == 1


def test_report_unused_suppressions(repo):
    repo.write("pay.py", CODE)
    result = run("scan", "--report-unused-suppressions")
    assert result.exit_code == 1
    assert "pay.py:6: unused suppression: ignore[KL101] silences nothing on line 6" in result.stdout
    assert "0 findings in 1 file (3 suppressed, 1 suppression issue)." in result.stdout


def test_config_keys_turn_the_policy_on(repo):
    repo.write("pay.py", CODE)
    repo.write("pyproject.toml", "[tool.keylint]\nrequire-reason = true\nreport-unused-suppressions = true\n")
    _, document = scan_json()
    assert [(i["line"], i["message"].split(":")[0]) for i in document["suppression_issues"]] == [
        (3, "suppression without a reason (write `-- why` after it)"),
        (5, "suppression without a reason (write `-- why` after it)"),
        (6, "unused suppression"),
    ]


def test_clean_suppressions_pass_both_checks(repo):
    repo.write("pay.py", f'CLIENT_SECRET = "{SECRET_A}"  # keylint: ignore[KL101] -- fixture for the refund tests\n' + VIPPS_API)
    result = run("scan", "--require-reason", "--report-unused-suppressions")
    assert result.exit_code == 0, result.stdout


def test_suppression_reason_parsed_and_reasoned_one_preferred():
    text = f'# keylint: ignore\nX_SECRET = "{SECRET_A}"  # keylint: ignore[KL101] -- vendored sample\n'
    suppressions = parse_suppressions(text, "python")
    assert [(s.target_line, s.reason) for s in suppressions] == [(2, None), (2, "vendored sample")]

    class F:
        rule_id, line = "KL101", 2

    kept, silenced = apply_suppressions([F()], suppressions)
    assert kept == [] and silenced[0][1] == Suppression(2, 2, frozenset({"KL101"}), "vendored sample")


def test_suppressing_one_occurrence_keeps_the_others_fingerprints(repo):
    line = f'CLIENT_SECRET = "{SECRET_A}"\n'
    repo.write("a.py", line + line + VIPPS_API)
    _, before = scan_json()
    repo.write("a.py", line.rstrip() + "  # keylint: ignore[KL101] -- demo\n" + line + VIPPS_API)
    _, after = scan_json()
    assert [f["fingerprint"] for f in after["findings"]] == [before["findings"][1]["fingerprint"]]
