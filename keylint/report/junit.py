"""`--format junit`: JUnit XML for CI test-report views.

One test suite, `keylint`; one failing test case per finding (classname = file, name = rule
and position), one erroring case per file that could not be analysed, one failing case per
suppression issue, and a single passing case when there is nothing to report. No timings: the same input gives
byte-identical output. ElementTree escapes markup; text from scanned files first goes through
`printable`, since XML 1.0 cannot carry most control characters even as references.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from keylint.report.printable import printable


def _element(parent: ET.Element, tag: str, attributes: dict[str, str], text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, {key: printable(value) for key, value in attributes.items()})
    if text is not None:
        element.text = printable(text)
    return element


def _case(parent: ET.Element, classname: str, name: str, path: str, line: int | None = None) -> ET.Element:
    attributes = {"classname": classname, "name": name, "file": path}
    if line is not None:
        attributes["line"] = str(line)
    return _element(parent, "testcase", attributes)


def _finding(suite: ET.Element, finding) -> None:
    case = _case(suite, finding.path, f"{finding.rule_id} at {finding.line}:{finding.column}", finding.path, finding.line)
    text = f"{finding.path}:{finding.line}:{finding.column}: {finding.message}\n    {finding.snippet.strip()}"
    _element(case, "failure", {"type": finding.rule_id, "message": f"[{finding.severity}] {finding.message}"}, text)


def render(report, rules, color: bool = False) -> str:
    failures = len(report.findings) + len(report.suppression_issues)
    suite = ET.Element("testsuite", {
        "name": "keylint",
        "tests": str(max(1, failures + len(report.errors))),
        "failures": str(failures),
        "errors": str(len(report.errors)),
    })
    for finding in report.findings:
        _finding(suite, finding)
    for note in report.suppression_issues:
        case = _case(suite, note.path, f"suppression at {note.line}", note.path, note.line)
        _element(case, "failure", {"type": "suppression", "message": note.message})
    for error in report.errors:
        case = _case(suite, error.path, "analyse", error.path)
        _element(case, "error", {"type": "not-analysed", "message": error.message})
    if not (failures or report.errors):
        _case(suite, "keylint", "no findings", ".")
    root = ET.Element("testsuites", {k: suite.get(k) for k in ("name", "tests", "failures", "errors")})
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
