"""`--format text`: compiler-style lines with the source line and a caret, then what to do next.

Everything taken from scanned files goes through `printable`, so a file cannot send control
sequences to the terminal.
"""

from __future__ import annotations

from collections import Counter

import click

from keylint.core.findings import SEVERITIES
from keylint.report.printable import printable

_SEVERITY_COLOURS = {"critical": "red", "high": "red", "medium": "yellow", "low": "cyan"}


def _finding(finding, color: bool) -> list[str]:
    def style(text: str, **kwargs) -> str:
        return click.style(text, **kwargs) if color else text

    head = (
        f"{style(printable(f'{finding.path}:{finding.line}:{finding.column}:'), bold=True)} "
        f"{style(finding.rule_id, bold=True)} "
        f"{style(f'[{finding.severity}]', fg=_SEVERITY_COLOURS[finding.severity])} {printable(finding.message)}"
    )
    # A notebook finding's snippet is a line of its cell: numbered and marked within the cell.
    line, column = (finding.cell.line, finding.cell.column) if finding.cell else (finding.line, finding.column)
    if finding.cell:
        head += f" ({finding.cell.describe()})"
    if finding.history:
        head += f" ({finding.history.describe()})"
    gutter = f"{line:>5} | "
    before = printable(finding.snippet[: column - 1].expandtabs(1))
    snippet = before + printable(finding.snippet[column - 1 :].expandtabs(1))
    marked = printable(finding.snippet[column - 1 :][: finding.highlight])
    caret = " " * (len(gutter) - 2) + "| " + " " * len(before) + "^" + "~" * (max(1, len(marked)) - 1)
    lines = [head, gutter + snippet, style(caret, fg="green")]
    lines.extend(f"      {printable(step.path)}:{step.line}: {printable(step.note)}" for step in finding.flow)
    return lines


def what_now(report) -> list[str]:
    """The footer of failing output: how to fix, suppress with a reason, baseline, and rotate."""
    if not report.findings:
        return ["What now: fix or remove the suppression comments listed above."] if report.suppression_issues else []
    rule_id = report.findings[0].rule_id
    lines = [
        "What now:",
        f"  - fix it: `keylint rules show {rule_id}` explains each rule and what to write instead;",
        f"  - a deliberate case: end its line with `# keylint: ignore[{rule_id}] -- why it is safe`;",
        "  - accept today's findings: `keylint baseline create`, then only new findings are reported.",
    ]
    if any(f.pitfall == "hardcoded-secret" for f in report.findings):
        lines.append("  - a key that was ever committed is leaked: rotate it in the portal, then remove it from the code.")
    return lines


def _body(report, color: bool) -> list[str]:
    out: list[str] = []
    for finding in report.findings:
        out.extend(_finding(finding, color))
        out.append("")
    out.extend(f"{printable(note.path)}:{note.line}: {printable(note.message)}" for note in report.suppression_issues)
    out.extend(f"{printable(error.path)}: error: {printable(error.message)}" for error in report.errors)
    return out


def _lines(out: list[str], footer: list[str]) -> str:
    """Lines, then the footer after one blank line."""
    if footer:
        out = [*out, ""] if out and out[-1] else out
    return "\n".join([*out, *footer]) + "\n" if out or footer else ""


def render_findings(report, color: bool = False) -> str:
    """Findings, suppression issues, file errors and what to do next, as `--quiet` prints them."""
    return _lines(_body(report, color), what_now(report))


def statistics(report) -> list[tuple[str, str, int]]:
    """(rule id, severity, findings) for every rule that found something, by rule id."""
    counts = Counter((f.rule_id, f.severity) for f in report.findings)
    return [(rule_id, severity, n) for (rule_id, severity), n in sorted(counts.items())]


def render_statistics(report, rules) -> str:
    """`--statistics`: findings per rule and severity, then per severity."""
    names = {rule.id: rule.name for rule in rules}
    lines = ["findings per rule and severity:"]
    lines += [f"{n:>6}  {rule_id:<8} {severity:<9} {names.get(rule_id, '')}" for rule_id, severity, n in statistics(report)]
    by_severity = Counter(f.severity for f in report.findings)
    totals = ", ".join(f"{by_severity[s]} {s}" for s in reversed(SEVERITIES) if by_severity[s])
    lines.append(f"{len(report.findings):>6}  total" + (f" ({totals})" if totals else ""))
    return "\n".join(lines) + "\n"


def _summary(report) -> str:
    stats = report.stats()
    files = f"{stats['files_scanned']} file{'s' if stats['files_scanned'] != 1 else ''}"
    if "commits_scanned" in stats:
        commits = stats["commits_scanned"]
        files = f"the history of {commits} commit{'s' if commits != 1 else ''} ({files} read)"
    summary = f"{stats['findings']} finding{'s' if stats['findings'] != 1 else ''} in {files}"
    extras = [f"{stats['suppressed']} suppressed"] if stats["suppressed"] else []
    if stats["baselined"]:
        extras.append(f"{stats['baselined']} in baseline")
    issues = len(report.suppression_issues)
    if issues:
        extras.append(f"{issues} suppression issue{'s' if issues != 1 else ''}")
    if stats["errors"]:
        extras.append(f"{stats['errors']} could not be analysed")
    summary += (f" ({', '.join(extras)})" if extras else "") + "."
    if "commits_scanned" in stats and stats["findings"]:
        summary += "\nA key that was ever committed stays readable in git history: rotate it, removing it is not enough."
    return summary


def render(report, rules, color: bool = False) -> str:
    return _lines([*_body(report, color), _summary(report)], what_now(report))
