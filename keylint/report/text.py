"""`--format text`: compiler-style lines with the source line and a caret; colour only on a TTY."""

from __future__ import annotations

import click

_SEVERITY_COLOURS = {"critical": "red", "high": "red", "medium": "yellow", "low": "cyan"}


def _finding(finding, color: bool) -> list[str]:
    def style(text: str, **kwargs) -> str:
        return click.style(text, **kwargs) if color else text

    head = (
        f"{style(f'{finding.path}:{finding.line}:{finding.column}:', bold=True)} "
        f"{style(finding.rule_id, bold=True)} "
        f"{style(f'[{finding.severity}]', fg=_SEVERITY_COLOURS[finding.severity])} {finding.message}"
    )
    # A notebook finding's snippet is a line of its cell: numbered and marked within the cell.
    line, column = (finding.cell.line, finding.cell.column) if finding.cell else (finding.line, finding.column)
    if finding.cell:
        head += f" ({finding.cell.describe()})"
    if finding.history:
        head += f" ({finding.history.describe()})"
    gutter = f"{line:>5} | "
    snippet = finding.snippet.expandtabs(1)
    caret = " " * (len(gutter) - 2) + "| " + " " * (column - 1) + "^" + "~" * (finding.highlight - 1)
    lines = [head, gutter + snippet, style(caret, fg="green")]
    lines.extend(f"      {step.path}:{step.line}: {step.note}" for step in finding.flow)
    return lines


def render_findings(report, color: bool = False) -> str:
    """Findings and file errors only, as `--quiet` prints them."""
    out: list[str] = []
    for finding in report.findings:
        out.extend(_finding(finding, color))
        out.append("")
    out.extend(f"{note.path}:{note.line}: {note.message}" for note in report.suppression_issues)
    out.extend(f"{error.path}: error: {error.message}" for error in report.errors)
    return "\n".join(out) + "\n" if out else ""


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
    summary += (f" ({', '.join(extras)})" if extras else "") + ".\n"
    if "commits_scanned" in stats and stats["findings"]:
        summary += "A key that was ever committed stays readable in git history: rotate it, removing it is not enough.\n"
    return summary


def render(report, rules, color: bool = False) -> str:
    return render_findings(report, color) + _summary(report)
