"""`--format gitlab`: a GitLab Code Quality report (a JSON array of issues).

Each issue has the fields GitLab documents: description, check_name, fingerprint, severity
(info, minor, major, critical, blocker) and location {path, lines {begin}}. Files that could
not be analysed and suppression issues are reported too, so nothing fails silently.
"""

from __future__ import annotations

import hashlib
import json

SEVERITIES = {"low": "minor", "medium": "major", "high": "critical", "critical": "blocker"}


def _issue(description: str, check_name: str, fingerprint: str, severity: str, path: str, line: int) -> dict:
    return {
        "description": description,
        "check_name": check_name,
        "fingerprint": fingerprint,
        "severity": severity,
        "location": {"path": path, "lines": {"begin": line}},
    }


def _hash(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def render(report, rules, color: bool = False) -> str:
    issues = [
        _issue(f"{f.rule_id}: {f.message}", f.rule_id, f.fingerprint, SEVERITIES[f.severity], f.path, f.line)
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
