"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

`::error file=F,line=L,endLine=E,col=C,endColumn=X,title=T::message`. Critical and high
findings are errors, medium warnings, low notices. Columns are given only when the finding
is on one line (GitHub drops them otherwise); endColumn is the last column, inclusive.
Escaping follows GitHub's toolkit: `%`, CR and LF in the message; also `:` and `,` in
property values; other control characters are escaped by `printable`. Paths are relative to the repository top level (keylint/report/paths.py).
"""

from __future__ import annotations

from keylint.report.printable import printable

LEVELS = {"critical": "error", "high": "error", "medium": "warning", "low": "notice"}


def escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties) -> str:
    """One workflow command; properties whose value is None are left out."""
    body = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{level} {body}::{escape_data(message)}"


def _finding(finding, names: dict[str, str]) -> str:
    one_line = finding.end_line == finding.line
    return command(
        LEVELS[finding.severity],
        finding.message,
        file=finding.path,
        line=finding.line,
        endLine=finding.end_line,
        col=finding.column if one_line else None,
        endColumn=max(finding.column, finding.end_column - 1) if one_line else None,
        title=f"keylint {finding.rule_id} {names.get(finding.rule_id, finding.pitfall)} [{finding.severity}]",
    )


def render(report, rules, color: bool = False) -> str:
    names = {rule.id: rule.name for rule in rules}
    lines = [_finding(finding, names) for finding in report.findings]
    lines += [command("warning", note.message, file=note.path, line=note.line, title="keylint suppression") for note in report.suppression_issues]
    lines += [command("error", f"not analysed: {error.message}", file=error.path, title="keylint error") for error in report.errors]
    stats = report.stats()
    lines.append(
        f"keylint: {stats['findings']} finding(s) in {stats['files_scanned']} file(s), "
        f"{stats['suppressed']} suppressed, {stats['baselined']} in baseline, {stats['errors']} not analysed"
    )
    return "\n".join(lines) + "\n"
