"""The pipeline: discover -> read -> summarise (project phase) -> analyse -> collect, with rule
selection and stats."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from keylint.analyse import analyse_file
from keylint.baseline import Baseline
from keylint.config import PathRules
from keylint.discover import discover, read_bytes
from keylint.findings import FileError, Finding
from keylint.gitdiff import ChangedLines, files_to_analyse
from keylint.review import review
from keylint.suppress import SuppressionIssue
from keylint.project import summarise_project


class SelectionError(ValueError):
    """--select/--ignore named something that is neither a loaded rule id nor a pitfall."""


@dataclass(frozen=True)
class ScanOptions:
    """How to scan and what to report. The fields after `redact` come from the project
    configuration and the adoption flags (see keylint/config.py, review.py)."""

    root: str | None = None
    excludes: tuple[str, ...] = ()
    gitignore: bool = True
    min_severity: str = "low"
    redact: bool = True
    per_path: tuple[PathRules, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    key_types: tuple[tuple[str, str], ...] = ()
    require_reason: bool = False
    report_unused_suppressions: bool = False
    baseline: Baseline | None = None
    diff: ChangedLines | None = None


@dataclass
class ScanReport:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files_scanned: int = 0
    files_skipped: int = 0
    suppressed: int = 0
    baselined: int = 0
    duration_s: float = 0.0
    suppression_issues: list[SuppressionIssue] = field(default_factory=list)
    silenced: list[tuple] = field(default_factory=list)
    suppressions: list[tuple] = field(default_factory=list)
    project: dict | None = None  # the project phase's indexes (for --explain-keys)

    def stats(self) -> dict:
        return {
            "files_scanned": self.files_scanned,
            "files_skipped": self.files_skipped,
            "findings": len(self.findings),
            "suppressed": self.suppressed,
            "baselined": self.baselined,
            "errors": len(self.errors),
            "duration_s": round(self.duration_s, 3),
        }


def select_rules(rules: list, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> list:
    """Rules named (by id or pitfall) in `select`, if any, minus those named in `ignore`."""
    known = {r.id for r in rules} | {r.pitfall for r in rules}
    unknown = sorted({s for s in (*select, *ignore) if s not in known})
    if unknown:
        raise SelectionError(f"unknown rule id or pitfall: {', '.join(unknown)}")
    return _narrow(rules, select, ignore)


def _narrow(rules: list, select: tuple[str, ...], ignore: tuple[str, ...]) -> list:
    def named(rule, names) -> bool:
        return rule.id in names or rule.pitfall in names

    return [r for r in rules if (not select or named(r, select)) and not named(r, ignore)]


def rules_for_path(rules: list, per_path: tuple[PathRules, ...], rel_path: str) -> list:
    """The rules that apply to one file after the matching per-path settings narrowed them."""
    for entry in per_path:
        if entry.matches(rel_path):
            rules = _narrow(rules, entry.select, entry.ignore)
    return rules


def scan(paths: list[str], rules: list, options: ScanOptions = ScanOptions()) -> ScanReport:
    started = time.perf_counter()
    report = ScanReport()
    sources, discovery = discover(paths, options.root, options.excludes, options.gitignore)
    report.errors.extend(FileError(p, "no such file or directory") for p in discovery.missing)
    # A diff scan still discovers every file (a project-wide phase needs them all) but may
    # analyse only the changed ones; see keylint/gitdiff.py.
    analysed = sources if options.diff is None else files_to_analyse(sources, rules, options.diff)
    key_types = dict(options.key_types)
    project = report.project = summarise_project(sources, rules, read_bytes, options.key_types)
    for source in analysed:
        try:
            data = read_bytes(source)
        except OSError as exc:
            report.errors.append(FileError(source.rel_path, f"cannot read: {exc.strerror or exc}"))
            continue
        rules_here = rules_for_path(rules, options.per_path, source.rel_path)
        result = analyse_file(source, data, rules_here, options.redact, key_types, project)
        report.files_scanned += 1
        report.findings.extend(result.findings)
        report.errors.extend(result.errors)
        report.silenced.extend(result.silenced)
        report.suppressions.extend((result.path, s) for s in result.suppressions)
    report.files_skipped = discovery.skipped
    review(report, options)
    report.errors.sort(key=lambda e: (e.path, e.message))
    report.duration_s = time.perf_counter() - started
    return report
