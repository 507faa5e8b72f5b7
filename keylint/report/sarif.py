"""`--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it.

Our fingerprint goes under `partialFingerprints["keylint/v1"]`; we do not fill GitHub's
`primaryLocationLineHash` (its algorithm is GitHub's). Suppressed findings are left out, since
GitHub ignores SARIF suppressions. Files that could not be analysed (errors) and suppression
issues become notifications. Paths are relative to `%SRCROOT%`, which `originalUriBaseIds`
states (the repository's top level when the report was rebased, keylint/report/paths.py).
"""

from __future__ import annotations

import json
import pathlib

from keylint import __version__
from keylint.report.ruledoc import code_language, cwe_ids

INFORMATION_URI = "https://github.com/keylint/keylint"
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0"}
LEVELS = {"critical": "error", "high": "error", "medium": "warning", "low": "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _rule(rule) -> dict:
    docs, language = rule.docs, code_language(rule)
    markdown = (
        f"## What it does\n{docs['what']}\n\n## Why is this bad\n{docs['why']}\n\n"
        f"## Example\n```{language}\n{docs['example'].rstrip()}\n```\n\n"
        f"## Use instead\n```{language}\n{docs['fix'].rstrip()}\n```\n"
    )
    if docs.get("limitations"):
        markdown += f"\n## Known limitations\n{docs['limitations'].strip()}\n"
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": docs["summary"]},
        "fullDescription": {"text": docs["what"].strip()},
        "help": {"text": f"{docs['why'].strip()}\n\nUse instead:\n{docs['fix'].strip()}", "markdown": markdown},
        "helpUri": (docs.get("references") or [INFORMATION_URI])[0],
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": ["security", rule.pitfall, *(f"external/cwe/cwe-{n}" for n in cwe_ids(rule))],
            "security-severity": SECURITY_SEVERITY[rule.severity],
            "precision": rule.confidence,
            "pack": rule.pack,
        },
    }


def _location(path: str, line: int, column: int | None = None, end_line: int | None = None, end_column: int | None = None, snippet: str | None = None) -> dict:
    region: dict = {"startLine": line}
    if column is not None:
        region.update(startColumn=column, endLine=end_line, endColumn=end_column)
    if snippet is not None:
        region["snippet"] = {"text": snippet}
    return {"physicalLocation": {"artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"}, "region": region}}


def _result(finding, index: dict) -> dict:
    result = {
        "ruleId": finding.rule_id,
        "ruleIndex": index[finding.rule_id],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            _location(finding.path, finding.line, finding.column, finding.end_line, finding.end_column, finding.snippet)
        ],
        "partialFingerprints": {"keylint/v1": finding.fingerprint},
        "properties": {"severity": finding.severity, "confidence": finding.confidence, "pitfall": finding.pitfall},
    }
    if finding.flow:
        steps = [
            {"location": {**_location(step.path, step.line), "message": {"text": step.note}}}
            for step in finding.flow
        ]
        result["codeFlows"] = [{"threadFlows": [{"locations": steps}]}]
    return result


def _folder_uri(folder: str) -> str:
    """A folder as the absolute file URI, ending in a slash, that SARIF requires of a base."""
    return pathlib.Path(folder or ".").resolve().as_uri().rstrip("/") + "/"


def render(report, rules, color: bool = False) -> str:
    driver_rules = [_rule(rule) for rule in sorted(rules, key=lambda r: r.id)]
    index = {rule["id"]: i for i, rule in enumerate(driver_rules)}
    notifications = [
        {"level": "error", "message": {"text": f"{error.path}: {error.message}"}, "locations": [_location(error.path, 1)]}
        for error in report.errors
    ] + [
        {"level": "warning", "message": {"text": note.message}, "locations": [_location(note.path, note.line)]}
        for note in report.suppression_issues
    ]
    run = {
        "tool": {"driver": {"name": "keylint", "version": __version__, "semanticVersion": __version__, "informationUri": INFORMATION_URI, "rules": driver_rules}},
        "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}],
        "results": [_result(f, index) for f in report.findings],
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {
            "%SRCROOT%": {"uri": _folder_uri(report.root), "description": {"text": "The repository's top level."}}
        },
    }
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
