"""`--format markdown`: a summary for GitHub's job summary (`$GITHUB_STEP_SUMMARY`) or a review comment.

A headline, the findings per rule and severity, then one row per finding (the first LIMIT; the
rest are counted) and the files that could not be analysed. Cells are HTML-escaped with `|`
escaped, and text from scanned files goes through `printable`, so code cannot break the table.
"""

from __future__ import annotations

import html

from keylint.report.printable import printable
from keylint.report.text import statistics

LIMIT = 100


def _cell(text: str) -> str:
    return html.escape(printable(text).replace("\n", " "), quote=False).replace("|", "\\|")


def render(report, rules, color: bool = False) -> str:
    stats = report.stats()
    names = {rule.id: rule.name for rule in rules}
    head = f"### keylint: {stats['findings']} finding(s) in {stats['files_scanned']} file(s)"
    extras = [f"{stats[key]} {label}" for key, label in (("suppressed", "suppressed"), ("baselined", "in baseline"), ("errors", "not analysed")) if stats[key]]
    lines = [head + (f" ({', '.join(extras)})" if extras else ""), ""]
    if report.findings:
        lines += ["| rule | severity | findings |", "|---|---|---:|"]
        lines += [f"| {rule_id} {_cell(names.get(rule_id, ''))} | {severity} | {n} |" for rule_id, severity, n in statistics(report)]
        lines += ["", "| where | rule | severity | message |", "|---|---|---|---|"]
        lines += [
            f"| {_cell(f'{f.path}:{f.line}')} | {f.rule_id} | {f.severity} | {_cell(f.message)} |"
            for f in report.findings[:LIMIT]
        ]
        if len(report.findings) > LIMIT:
            lines.append(f"\n… and {len(report.findings) - LIMIT} more (see the annotations or the code scanning alerts).")
        lines.append("")
    if report.suppression_issues:
        lines += ["**Suppression issues**", ""]
        lines += [f"- {_cell(f'{n.path}:{n.line}')}: {_cell(n.message)}" for n in report.suppression_issues] + [""]
    if report.errors:
        lines += ["**Not analysed**", ""]
        lines += [f"- {_cell(e.path)}: {_cell(e.message)}" for e in report.errors] + [""]
    return "\n".join(lines)
