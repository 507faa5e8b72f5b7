"""CI formats: GitHub workflow commands, GitLab Code Quality, JUnit; all redact secrets."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from tests.cli_helpers import VIPPS_API, CLIENT_ID, SECRET_A, SECRET_B, SUB_KEY, run, secret_pack

from keylint.report import FORMATS
from keylint.report.github import command, escape_data, escape_property

# GitLab's documented Code Quality report format
# (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): a JSON array of
# objects with description, check_name, fingerprint (unique), severity (one of info, minor, major,
# critical, blocker) and location.path plus location.lines.begin (or location.positions.begin.line).
GITLAB_CODE_QUALITY_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^(?!/|\\./)"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}

# GitHub's documented workflow commands: `::error file={name},line={line},endLine={endLine},
# col={col},endColumn={endColumn},title={title}::{message}` (also ::warning and ::notice).
WORKFLOW_COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>[^\r\n]*)$")
ANNOTATION_PROPERTIES = {"file", "line", "endLine", "col", "endColumn", "title"}

PACK = secret_pack(
    "ODD001",
    "(^|_)odd_token$",
    ['ODD_TOKEN = "Zr8Kq1Lm5Xv2Tn9Wb4Pd7Hs3Jf6Gc0Ay"'],
    ['ODD_TOKEN = ""'],
    severity="low",
    message="100% leaked, rotate: {name}\nthen redeploy {value}",
)


@pytest.fixture
def leaky(repo):
    repo.write("app/settings.py", f'CLIENT_SECRET = "{SECRET_A}"\nSUBSCRIPTION_KEY = "{SUB_KEY}"\n' + VIPPS_API)
    repo.write(".env", f"VIPPS_CLIENT_ID={CLIENT_ID}\nVIPPS_CLIENT_SECRET={SECRET_B}\n")
    repo.write("broken.py", "def f(:\n")
    repo.write("odd/we,ird:name.py", f'ODD_TOKEN = "{SECRET_B}"\n')
    repo.write("packs/odd.yaml", PACK)
    repo.write(".keylint.yaml", "rules: [packs/odd.yaml]\n")
    return repo


def test_github_escaping():
    assert escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert escape_property("a,b:c%d\n") == "a%2Cb%3Ac%25d%0A"
    assert command("error", "m: x, y", file="a:b.py", line=3, col=None) == "::error file=a%3Ab.py,line=3::m: x, y"


def test_github_annotations_have_the_documented_shape(leaky):
    result = run("scan", "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    commands = [WORKFLOW_COMMAND.match(line) for line in lines[:-1]]
    assert all(commands), lines
    assert lines[-1].startswith("keylint: 5 finding(s) in")
    parsed = []
    for match in commands:
        props = dict(pair.split("=", 1) for pair in match.group("props").split(","))
        assert set(props) <= ANNOTATION_PROPERTIES and "file" in props
        parsed.append((match.group(1), props, match.group("message")))
    by_file = {(props["file"], props["title"].split()[1]): (level, props, message) for level, props, message in parsed}
    level, props, message = by_file["app/settings.py", "KL101"]
    assert level == "error" and props["line"] == "1" and props["col"] == "17"
    assert props["endColumn"] == str(17 + len(SECRET_A) + 1)  # inclusive: the closing quote
    assert props["title"] == "keylint KL101 hardcoded-client-secret [critical]"
    level, props, message = by_file["odd/we%2Cird%3Aname.py", "ODD001"]
    assert level == "notice"
    assert message == f"100%25 leaked, rotate: ODD_TOKEN%0Athen redeploy 'Wd3F…' ({len(SECRET_B)} chars)"
    level, props, message = by_file["broken.py", "error"]
    assert level == "error" and message.startswith("not analysed: Python syntax error") and "line" not in props


def test_gitlab_report_matches_the_documented_shape(leaky):
    result = run("scan", "--format", "gitlab")
    assert result.exit_code == 1
    issues = json.loads(result.stdout)
    jsonschema.validate(issues, GITLAB_CODE_QUALITY_SCHEMA)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues) == 6
    summary = sorted((i["location"]["path"], i["check_name"], i["severity"]) for i in issues)
    assert summary == [
        (".env", "KL101", "blocker"),
        (".env", "KL103", "major"),
        ("app/settings.py", "KL101", "blocker"),
        ("app/settings.py", "KL102", "blocker"),
        ("broken.py", "keylint-error", "major"),
        ("odd/we,ird:name.py", "ODD001", "minor"),
    ]


def test_gitlab_fingerprints_are_the_finding_fingerprints(leaky):
    findings = json.loads(run("scan", "--format", "json").stdout)["findings"]
    issues = json.loads(run("scan", "--format", "gitlab").stdout)
    assert {f["fingerprint"] for f in findings} <= {i["fingerprint"] for i in issues}


def test_junit_report(leaky):
    result = run("scan", "--format", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites" and root.get("tests") == "6" and root.get("failures") == "5" and root.get("errors") == "1"
    (suite,) = root
    cases = suite.findall("testcase")
    assert len(cases) == 6
    failing = {(c.get("classname"), c.find("failure").get("type")) for c in cases if c.find("failure") is not None}
    assert ("app/settings.py", "KL101") in failing and ("odd/we,ird:name.py", "ODD001") in failing
    assert [c.get("classname") for c in cases if c.find("error") is not None] == ["broken.py"]


def test_junit_clean_scan_has_one_passing_case(repo):
    repo.write("app.py", "x = 1\n")
    root = ET.fromstring(run("scan", "--format", "junit").stdout)
    assert root.get("failures") == "0"
    (case,) = root.iter("testcase")
    assert list(case) == []


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_redacts_and_is_deterministic(leaky, fmt):
    first = run("scan", "--format", fmt).stdout
    for secret in (SECRET_A, SECRET_B, SUB_KEY, CLIENT_ID):
        assert secret not in first
        assert secret[:8] not in first
    if fmt == "gitlab-sast":  # its scan start and end times are the only values that change
        times = re.compile(r'"(start|end)_time": "[^"]*"')
        assert times.sub("", run("scan", "--format", fmt).stdout) == times.sub("", first)
    elif fmt not in ("json", "junit"):
        assert run("scan", "--format", fmt).stdout == first
    assert SECRET_A in run("scan", "--format", fmt, "--no-redact").stdout


def test_suppression_issues_appear_in_ci_formats(repo):
    repo.write("a.py", "TIMEOUT = 3  # keylint: ignore[KL101] -- old\n")
    github = run("scan", "--format", "github", "--report-unused-suppressions").stdout
    assert "::warning file=a.py,line=1,title=keylint suppression::unused suppression" in github
    gitlab = json.loads(run("scan", "--format", "gitlab", "--report-unused-suppressions").stdout)
    assert [(i["check_name"], i["location"]["lines"]["begin"]) for i in gitlab] == [("keylint-suppression", 1)]
    junit = ET.fromstring(run("scan", "--format", "junit", "--report-unused-suppressions").stdout)
    assert junit.get("failures") == "1"
    sarif = json.loads(run("scan", "--format", "sarif", "--report-unused-suppressions").stdout)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["warning"]


# GitLab's SAST report schema (security-report-schemas, dist/sast-report-format.json, v15), the
# parts keylint writes, transcribed: scan with analyzer/scanner/type/times/status; each
# vulnerability with id, identifiers (type, name, value) and a file location.
_TOOL = {
    "type": "object",
    "required": ["id", "name", "version", "vendor"],
    "properties": {
        "id": {"type": "string", "minLength": 1}, "name": {"type": "string", "minLength": 1},
        "version": {"type": "string", "minLength": 1},
        "vendor": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "minLength": 1}}},
    },
}
GITLAB_SAST_SCHEMA = {
    "type": "object",
    "required": ["version", "vulnerabilities", "scan"],
    "properties": {
        "schema": {"type": "string", "format": "uri"},
        "version": {"type": "string", "pattern": "^15\\.[0-9]+\\.[0-9]+$"},
        "scan": {
            "type": "object",
            "required": ["analyzer", "scanner", "start_time", "end_time", "status", "type"],
            "properties": {
                "analyzer": _TOOL, "scanner": _TOOL, "type": {"const": "sast"},
                "start_time": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"},
                "end_time": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"},
                "status": {"enum": ["success", "failure"]},
                "messages": {"type": "array", "items": {
                    "type": "object", "required": ["level", "value"],
                    "properties": {"level": {"enum": ["info", "warn", "fatal"]}, "value": {"type": "string"}}}},
            },
        },
        "vulnerabilities": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "identifiers", "location"],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "name": {"type": "string", "maxLength": 255},
                "description": {"type": "string", "maxLength": 1048576},
                "severity": {"enum": ["Info", "Unknown", "Low", "Medium", "High", "Critical"]},
                "solution": {"type": "string", "maxLength": 7000},
                "identifiers": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "required": ["type", "name", "value"],
                    "properties": {"type": {"type": "string", "minLength": 1}, "name": {"type": "string", "minLength": 1},
                                   "value": {"type": "string", "minLength": 1}, "url": {"type": "string"}}}},
                "location": {"type": "object", "required": ["file", "start_line"], "properties": {
                    "file": {"type": "string", "minLength": 1}, "start_line": {"type": "integer", "minimum": 1},
                    "end_line": {"type": "integer", "minimum": 1}}},
            },
        }},
    },
}


def test_gitlab_sast_report_follows_the_schema(leaky):
    document = json.loads(run("scan", "--format", "gitlab-sast").stdout)
    jsonschema.validate(document, GITLAB_SAST_SCHEMA)
    vulnerabilities = document["vulnerabilities"]
    assert len({v["id"] for v in vulnerabilities}) == len(vulnerabilities) > 0  # unique, stable ids
    kl101 = next(v for v in vulnerabilities if v["identifiers"][0]["value"] == "KL101")
    assert kl101["severity"] == "Critical" and kl101["location"]["start_line"] >= 1
    assert {"type": "cwe", "name": "CWE-798", "value": "798",
            "url": "https://cwe.mitre.org/data/definitions/798.html"} in kl101["identifiers"]
    assert [m["level"] for m in document["scan"]["messages"]] == ["warn"]  # the file that could not be parsed


def test_code_quality_carries_the_optional_fields(leaky):
    issues = json.loads(run("scan", "--format", "gitlab").stdout)
    finding = next(i for i in issues if i["check_name"] == "KL101")
    assert finding["type"] == "issue" and finding["categories"] == ["Security"]
    assert finding["location"]["lines"]["end"] >= finding["location"]["lines"]["begin"]
    assert "```python" in finding["content"]["body"] and "keylint rules show KL101" in finding["content"]["body"]
