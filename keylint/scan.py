"""The pipeline: discover -> read -> summarise (project phase) -> analyse -> collect, with rule
selection and stats."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from keylint.analyse import analyse_file
from keylint.discover import discover, read_bytes
from keylint.findings import FileError, Finding, severity_at_least
from keylint.project import summarise_project


class SelectionError(ValueError):
    """--select/--ignore named something that is neither a loaded rule id nor a pitfall."""


@dataclass(frozen=True)
class ScanOptions:
    root: str | None = None
    excludes: tuple[str, ...] = ()
    min_severity: str = "low"
    redact: bool = True


@dataclass
class ScanReport:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files_scanned: int = 0
    files_skipped: int = 0
    suppressed: int = 0
    duration_s: float = 0.0

    def stats(self) -> dict:
        return {
            "files_scanned": self.files_scanned,
            "files_skipped": self.files_skipped,
            "findings": len(self.findings),
            "suppressed": self.suppressed,
            "errors": len(self.errors),
            "duration_s": round(self.duration_s, 3),
        }


def select_rules(rules: list, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> list:
    """Rules named (by id or pitfall) in `select`, if any, minus those named in `ignore`."""
    known = {r.id for r in rules} | {r.pitfall for r in rules}
    unknown = sorted({s for s in (*select, *ignore) if s not in known})
    if unknown:
        raise SelectionError(f"unknown rule id or pitfall: {', '.join(unknown)}")

    def named(rule, names) -> bool:
        return rule.id in names or rule.pitfall in names

    return [r for r in rules if (not select or named(r, select)) and not named(r, ignore)]


def scan(paths: list[str], rules: list, options: ScanOptions = ScanOptions()) -> ScanReport:
    started = time.perf_counter()
    report = ScanReport()
    sources, discovery = discover(paths, options.root, options.excludes)
    report.errors.extend(FileError(p, "no such file or directory") for p in discovery.missing)
    project = summarise_project(sources, rules, read_bytes)
    for source in sources:
        try:
            data = read_bytes(source)
        except OSError as exc:
            report.errors.append(FileError(source.rel_path, f"cannot read: {exc.strerror or exc}"))
            continue
        result = analyse_file(source, data, rules, options.redact, project)
        report.files_scanned += 1
        report.findings.extend(f for f in result.findings if severity_at_least(f.severity, options.min_severity))
        report.errors.extend(result.errors)
        report.suppressed += result.suppressed
    report.files_skipped = discovery.skipped
    report.findings.sort(key=Finding.sort_key)
    report.errors.sort(key=lambda e: (e.path, e.message))
    report.duration_s = time.perf_counter() - started
    return report
