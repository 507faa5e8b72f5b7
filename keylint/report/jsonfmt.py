"""`--format json`: one object with version, findings, errors, suppression issues and stats."""

from __future__ import annotations

import json

from keylint import __version__


def render(report, rules, color: bool = False) -> str:
    document = {
        "version": __version__,
        "findings": [f.to_dict() for f in report.findings],
        "errors": [e.to_dict() for e in report.errors],
        "suppression_issues": [n.to_dict() for n in report.suppression_issues],
        "stats": report.stats(),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
