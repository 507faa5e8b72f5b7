"""`--format json`: one object with version, findings, errors, suppression issues and stats.

Each finding also carries its rule's CWE ids and `help`, the command that documents the rule
(and `help_uri`, the rule's first reference, when it has one).
"""

from __future__ import annotations

import json

from keylint import __version__
from keylint.report.ruledoc import cwe_names, help_command


def _finding(finding, rule) -> dict:
    data = finding.to_dict()
    if rule is not None:
        data["cwe"] = cwe_names(rule)
        data["help"] = help_command(rule)
        if rule.docs.get("references"):
            data["help_uri"] = rule.docs["references"][0]
    return data


def render(report, rules, color: bool = False) -> str:
    by_id = {rule.id: rule for rule in rules}
    document = {
        "version": __version__,
        "findings": [_finding(f, by_id.get(f.rule_id)) for f in report.findings],
        "errors": [e.to_dict() for e in report.errors],
        "suppression_issues": [n.to_dict() for n in report.suppression_issues],
        "stats": report.stats(),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
