"""The output contract: JSON fields and order, SARIF 2.1.0 validity, text format, exit codes."""

from __future__ import annotations

import json

import jsonschema

from tests.cli_helpers import VIPPS_API
from tests.conftest import write_tree

SECRET = "Rz4Hq8Wm1Lx6Vt3Nb9Kd2Pf7Jc5Gs0Ay"
SUB_KEY = "49c3b6933ebf31609da0b5a3b709a9bb"
FINDING_KEYS = {
    "rule_id", "pitfall", "severity", "confidence", "message", "path", "line", "column",
    "end_line", "end_column", "snippet", "fingerprint", "cwe", "help",
}


def _project(tmp_path):
    return write_tree(
        tmp_path,
        {
            "b/settings.py": f'CLIENT_SECRET = "{SECRET}"\nSUBSCRIPTION_KEY = "{SUB_KEY}"\n' + VIPPS_API,
            "a/.env": f"VIPPS_SUBSCRIPTION_KEY={SUB_KEY}\n",
            "a/broken.py": "def f(client_secret:\n",
            "a/blob.py": b"\x00\x01binary",
            "clean.py": "import os\nCLIENT_SECRET = os.environ['VIPPS_CLIENT_SECRET']\n",
        },
    )


def test_json_contract(tmp_path, scan_json):
    code, doc = scan_json(_project(tmp_path))
    assert code == 1
    assert set(doc) == {"version", "findings", "errors", "suppression_issues", "stats"}
    assert all(set(f) - {"help_uri"} == FINDING_KEYS for f in doc["findings"])
    assert all(f["cwe"] == ["CWE-798"] and f["help"] == f"keylint rules show {f['rule_id']}" for f in doc["findings"])
    assert [(f["path"], f["line"], f["rule_id"]) for f in doc["findings"]] == [
        ("a/.env", 1, "KL102"),
        ("b/settings.py", 1, "KL101"),
        ("b/settings.py", 2, "KL102"),
    ]
    assert doc["errors"] == [
        {"path": "a/blob.py", "message": "binary file (contains NUL bytes)"},
        {"path": "a/broken.py", "message": "Python syntax error at line 1, column 6: '(' was never closed; "
                                          "searched line by line for hardcoded keys only"},
    ]
    stats = doc["stats"]
    assert (stats["files_scanned"], stats["errors"]) == (5, 2)
    assert isinstance(stats["duration_s"], float)


def test_no_secret_in_any_format_unless_asked(tmp_path, cli):
    _project(tmp_path)
    for fmt in ("text", "json", "sarif"):
        output = cli(["scan", "--format", fmt, "."], cwd=tmp_path).output
        assert SECRET not in output and SUB_KEY not in output, fmt
    revealed = cli(["scan", "--format", "json", "--no-redact", "."], cwd=tmp_path).output
    assert SECRET in revealed


def test_sarif_validates_and_carries_github_fields(tmp_path, cli, sarif_schema):
    result = cli(["scan", "--format", "sarif", "."], cwd=_project(tmp_path))
    doc = json.loads(result.output)
    jsonschema.Draft4Validator(sarif_schema).validate(doc)
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "keylint" and driver["version"] and driver["informationUri"].startswith("https://")
    rule = next(r for r in driver["rules"] if r["id"] == "KL101")
    assert {"security", "hardcoded-secret"} <= set(rule["properties"]["tags"])
    assert float(rule["properties"]["security-severity"]) >= 9
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["markdown"]
    first = run["results"][0]
    assert driver["rules"][first["ruleIndex"]]["id"] == first["ruleId"]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "a/.env"
    assert location["region"]["startLine"] == 1
    assert "keylint/v1" in first["partialFingerprints"]
    assert not run["invocations"][0]["executionSuccessful"]
    assert len(run["invocations"][0]["toolExecutionNotifications"]) == 2


def test_output_is_deterministic(tmp_path, cli):
    _project(tmp_path)
    sarif = [cli(["scan", "--format", "sarif", "."], cwd=tmp_path).output for _ in range(2)]
    assert sarif[0] == sarif[1]
    docs = [json.loads(cli(["scan", "--format", "json", "."], cwd=tmp_path).output) for _ in range(2)]
    for doc in docs:
        doc["stats"].pop("duration_s")
    assert docs[0] == docs[1]


def test_text_output_reads_like_a_compiler(tmp_path, cli):
    write_tree(tmp_path, {"s.py": f'CLIENT_SECRET = "{SECRET}"\n' + VIPPS_API})
    result = cli(["scan", "s.py"], cwd=tmp_path)
    lines = result.output.splitlines()
    assert lines[0].startswith("s.py:1:17: KL101 [critical] Vipps client_secret")
    assert lines[1] == '    1 | CLIENT_SECRET = "Rz4H…(32 chars)"'
    assert lines[2] == "      |                 ^~~~~~~~~~~~~~~~~"
    assert lines[4] == "1 finding in 1 file."
    assert lines[6:] == [
        "What now:",
        "  - fix it: `keylint rules show KL101` explains each rule and what to write instead;",
        "  - a deliberate case: end its line with `# keylint: ignore[KL101] -- why it is safe`;",
        "  - accept today's findings: `keylint baseline create`, then only new findings are reported.",
        "  - a key that was ever committed is leaked: rotate it in the portal, then remove it from the code.",
    ]
    assert "\x1b[" not in result.output  # no colour when not a TTY


def test_exit_codes(tmp_path, cli):
    write_tree(tmp_path, {"clean.py": "x = 1\n", "leak.py": f'CLIENT_SECRET = "{SECRET}"\n' + VIPPS_API, "bad.py": VIPPS_API + "def f(client_secret:\n"})
    assert cli(["scan", "clean.py"], cwd=tmp_path).exit_code == 0
    assert cli(["scan", "leak.py"], cwd=tmp_path).exit_code == 1
    assert cli(["scan", "leak.py", "--exit-zero"], cwd=tmp_path).exit_code == 0
    assert cli(["scan", "bad.py"], cwd=tmp_path).exit_code == 3
    missing = cli(["scan", "clean.py", "missing.py"], cwd=tmp_path)
    assert missing.exit_code == 2 and "no such file or directory: missing.py" in missing.stderr
    assert cli(["scan", "--select", "KL999", "."], cwd=tmp_path).exit_code == 2
    assert cli(["scan", "--format", "xml", "."], cwd=tmp_path).exit_code == 2


def test_select_ignore_and_min_severity(tmp_path, scan_json):
    write_tree(tmp_path, {"s.py": f'CLIENT_SECRET = "{SECRET}"\nCLIENT_ID = "7c0e5a9b-3d1f-4e62-8a47-b9d2c6f1e035"\n' + VIPPS_API})
    rules = lambda *args: [f["rule_id"] for f in scan_json(tmp_path, *args)[1]["findings"]]
    assert rules() == ["KL101", "KL103"]
    assert rules("--select", "KL103") == ["KL103"]
    assert rules("--ignore", "KL101,KL103") == []
    assert rules("--select", "hardcoded-secret", "--min-severity", "high") == ["KL101"]


def test_output_file_and_quiet(tmp_path, cli):
    write_tree(tmp_path, {"clean.py": "x = 1\n", "leak.py": f'CLIENT_SECRET = "{SECRET}"\n' + VIPPS_API})
    result = cli(["scan", "--format", "json", "--output", "out.json", "leak.py"], cwd=tmp_path)
    assert result.output == "" and json.loads((tmp_path / "out.json").read_text())["findings"]
    assert cli(["scan", "-q", "clean.py"], cwd=tmp_path).output == ""
    quiet = cli(["scan", "-q", "leak.py"], cwd=tmp_path).output
    assert "KL101" in quiet and "finding" not in quiet.splitlines()[-1]


def test_rules_list_and_show(cli, tmp_path):
    listing = cli(["rules"], cwd=tmp_path).output
    assert listing.splitlines()[0].split() == ["ID", "PITFALL", "SEVERITY", "PACK", "FIX", "SUMMARY"]
    assert any(line.startswith("KL102 ") and "vipps-hardcoded-secrets" in line for line in listing.splitlines())
    page = cli(["rules", "show", "KL101"], cwd=tmp_path).output
    for heading in ("What it does", "Why is this bad", "Example", "Use instead", "# keylint: ignore[KL101]"):
        assert heading in page
    assert cli(["rules", "show", "KL000"], cwd=tmp_path).exit_code == 2
