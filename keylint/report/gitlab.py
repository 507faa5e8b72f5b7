"""GitLab reports: `--format gitlab` (Code Quality) and `--format gitlab-sast` (security report).

Code Quality is a JSON array of issues with the documented required fields (description,
check_name, fingerprint, severity: info/minor/major/critical/blocker, location.path and
location.lines.begin) and the optional ones GitLab shows: type, categories, lines.end and
content.body (the rule's explanation, Markdown). Files that could not be analysed and suppression
issues are issues too, so nothing fails silently.

`gitlab-sast` follows GitLab's SAST report schema (version SAST_SCHEMA_VERSION), which feeds the
merge request security widget and the vulnerability report: scan (analyzer, scanner, type,
start and end time, status, messages), then one vulnerability per finding with a stable id
derived from keylint's fingerprint, the rule id as primary identifier, the rule's CWEs, and
the location. Its start and end times are the only values that change between runs.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid

from keylint import __version__
from keylint.report.ruledoc import code_language, cwe_ids, help_command

SEVERITIES = {"low": "minor", "medium": "major", "high": "critical", "critical": "blocker"}
SAST_SEVERITIES = {"low": "Low", "medium": "Medium", "high": "High", "critical": "Critical"}
SAST_SCHEMA_VERSION = "15.2.1"
SAST_SCHEMA = (
    "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/"
    f"v{SAST_SCHEMA_VERSION}/dist/sast-report-format.json"
)
TOOL = {"id": "keylint", "name": "keylint", "version": __version__, "vendor": {"name": "keylint"}}
_IDS = uuid.UUID("6b0d3c1e-2f4a-5b6c-8d7e-9f0a1b2c3d4e")  # namespace of keylint's vulnerability ids


def _issue(description: str, check_name: str, fingerprint: str, severity: str, path: str, line: int,
           end_line: int | None = None, body: str | None = None) -> dict:
    issue = {
        "type": "issue",
        "description": description,
        "check_name": check_name,
        "fingerprint": fingerprint,
        "severity": severity,
        "categories": ["Security"],
        "location": {"path": path, "lines": {"begin": line, "end": end_line or line}},
    }
    if body:
        issue["content"] = {"body": body}
    return issue


def _hash(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def _body(rule) -> str:
    docs = rule.docs
    fix = f"```{code_language(rule)}\n{docs['fix'].strip()}\n```"
    return f"{docs['why'].strip()}\n\nUse instead:\n\n{fix}\n\nMore: `{help_command(rule)}`"


def render(report, rules, color: bool = False) -> str:
    by_id = {rule.id: rule for rule in rules}
    issues = [
        _issue(f"{f.rule_id}: {f.message}", f.rule_id, f.fingerprint, SEVERITIES[f.severity], f.path, f.line,
               f.end_line, _body(by_id[f.rule_id]) if f.rule_id in by_id else None)
        for f in report.findings
    ]
    issues += [
        _issue(n.message, "keylint-suppression", _hash("note", n.path, str(n.line), n.message), "minor", n.path, n.line)
        for n in report.suppression_issues
    ]
    issues += [
        _issue(f"keylint could not analyse this file: {e.message}", "keylint-error", _hash("error", e.path, e.message), "major", e.path, 1)
        for e in report.errors
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _identifiers(finding, rule) -> list[dict]:
    primary = {"type": "keylint_rule_id", "name": f"keylint {finding.rule_id}", "value": finding.rule_id}
    if rule is not None and rule.docs.get("references"):
        primary["url"] = rule.docs["references"][0]
    cwes = [
        {"type": "cwe", "name": f"CWE-{n}", "value": str(n), "url": f"https://cwe.mitre.org/data/definitions/{n}.html"}
        for n in (cwe_ids(rule) if rule is not None else ())
    ]
    return [primary, *cwes]


def _vulnerability(finding, rule) -> dict:
    vulnerability = {
        "id": str(uuid.uuid5(_IDS, f"{finding.path}\0{finding.fingerprint}")),
        "name": (rule.docs["summary"] if rule is not None else finding.rule_id)[:255],
        "description": finding.message + (f"\n\n{_body(rule)}" if rule is not None else ""),
        "severity": SAST_SEVERITIES[finding.severity],
        "identifiers": _identifiers(finding, rule),
        "location": {"file": finding.path, "start_line": finding.line, "end_line": finding.end_line},
    }
    if rule is not None:
        vulnerability["solution"] = rule.docs["fix"].strip()
    return vulnerability


def _timestamp(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))


def render_sast(report, rules, color: bool = False) -> str:
    by_id = {rule.id: rule for rule in rules}
    messages = [{"level": "warn", "value": f"not analysed: {e.path}: {e.message}"} for e in report.errors]
    messages += [{"level": "warn", "value": f"suppression: {n.path}:{n.line}: {n.message}"} for n in report.suppression_issues]
    document = {
        "schema": SAST_SCHEMA,
        "version": SAST_SCHEMA_VERSION,
        "scan": {
            "analyzer": TOOL,
            "scanner": TOOL,
            "type": "sast",
            "start_time": _timestamp(report.started),
            "end_time": _timestamp(report.started + report.duration_s),
            "status": "success",
            "messages": messages,
        },
        "vulnerabilities": [_vulnerability(f, by_id.get(f.rule_id)) for f in report.findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
