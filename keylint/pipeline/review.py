"""Stage 5: decide what is reported.

After analysis: suppression policy (required reasons, unused suppressions), severity overrides,
the minimum severity, the diff filter (changed lines only) and the baseline (new findings only).
"""

from __future__ import annotations

from keylint.core.findings import Finding, severity_at_least
from keylint.pipeline.suppress import review_suppressions
from keylint.rules.config import configured_severity


def review(report, options) -> None:
    """Filter and adjust `report` in place according to `options` (a ScanOptions)."""
    restored, report.silenced, report.suppression_issues = review_suppressions(
        report.silenced, report.suppressions, options.require_reason, options.report_unused_suppressions
    )
    findings = report.findings + restored
    report.suppressed = len(report.silenced)
    override_severity(findings, dict(options.severity))
    findings = [f for f in findings if severity_at_least(f.severity, options.min_severity)]
    if options.diff is not None:
        findings = [f for f in findings if options.diff.touches_finding(f)]
        report.suppression_issues = [n for n in report.suppression_issues if options.diff.touches(n.path, n.line)]
    if options.baseline is not None:
        findings, report.baselined = options.baseline.split(findings)
    report.findings = sorted(findings, key=Finding.sort_key)


def override_severity(findings: list[Finding], overrides: dict[str, str]) -> None:
    """Set the configured severity, by rule id or else by pitfall, on each finding."""
    for finding in findings:
        finding.severity = configured_severity(overrides, finding.rule_id, finding.pitfall, finding.severity)
