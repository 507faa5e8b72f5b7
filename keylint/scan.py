"""The pipeline: discover -> read -> prefilter -> analyse (in workers) -> collect.

Also rule selection and stats. Files whose result is in the cache skip everything after
reading (or after a stat, when size and mtime are unchanged).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Iterator

from keylint import workers
from keylint.analyse import analyse_file
from keylint.cache import FileCache, analysis_key, content_digest
from keylint.discover import SourcePath, discover, read_bytes
from keylint.findings import FileError, FileResult, Finding, severity_at_least
from keylint.prefilter import Prefilter, build as build_prefilter


class SelectionError(ValueError):
    """--select/--ignore named something that is neither a loaded rule id nor a pitfall."""


@dataclass(frozen=True)
class ScanOptions:
    root: str | None = None
    excludes: tuple[str, ...] = ()
    min_severity: str = "low"
    redact: bool = True
    prefilter: bool = True
    jobs: int = 1
    cache_dir: str | None = None  # None: no cache
    timeout_s: float = workers.DEFAULT_TIMEOUT_S

    def analysis_settings(self) -> dict:
        """The options that change a file's result, for the cache key."""
        return {"redact": self.redact, "prefilter": self.prefilter}


@dataclass
class ScanReport:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files_scanned: int = 0
    files_skipped: int = 0
    suppressed: int = 0
    prefiltered: int = 0
    from_cache: int = 0
    duration_s: float = 0.0

    def stats(self) -> dict:
        return {
            "files_scanned": self.files_scanned,
            "files_skipped": self.files_skipped,
            "findings": len(self.findings),
            "suppressed": self.suppressed,
            "errors": len(self.errors),
            "prefiltered": self.prefiltered,
            "from_cache": self.from_cache,
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


@dataclass
class _Task:
    """A file that must be analysed, with what the cache needs to store its result."""

    source: SourcePath
    data: bytes
    digest: str = ""
    stat: os.stat_result | None = None


def _cache_name(source: SourcePath) -> str:
    """Cache entries are per file and per displayed path (which depends on how it was named)."""
    return f"{source.abs_path}\0{source.rel_path}"


def _analyse_task(task: _Task, rules: list, redact: bool) -> tuple[str | None, FileResult]:
    """analyse_file, with a bug in keylint turned into an error for this file (not cached)."""
    try:
        return _cache_name(task.source), analyse_file(task.source, task.data, rules, redact)
    except Exception as exc:  # noqa: BLE001 - one file must not stop the scan
        error = FileError(task.source.rel_path, f"internal error in keylint: {type(exc).__name__}: {exc}")
        return None, FileResult(task.source.rel_path, errors=[error])


def scan(
    paths: list[str],
    rules: list,
    options: ScanOptions = ScanOptions(),
    on_progress: Callable[[int, int], None] | None = None,
) -> ScanReport:
    """Scan `paths`; on_progress(done, total) is called as each file is finished."""
    started = time.perf_counter()
    report = ScanReport()
    sources, discovery = discover(paths, options.root, options.excludes)
    report.errors.extend(FileError(p, "no such file or directory") for p in discovery.missing)
    prefilter = build_prefilter(rules) if options.prefilter else None
    cache = None
    if options.cache_dir is not None:
        key = analysis_key(rules, options.analysis_settings())
        cache = FileCache(options.cache_dir, options.root or os.getcwd(), key)

    def collect(result: FileResult) -> None:
        _collect(report, result, options)
        if on_progress is not None:
            on_progress(report.files_scanned, len(sources))

    tasks = _tasks(sources, prefilter, cache, report, collect)
    for result in _analyse_all(tasks, rules, options, cache):
        collect(result)
    if on_progress is not None and report.files_scanned < len(sources):  # unreadable files
        on_progress(len(sources), len(sources))
    if cache is not None:
        cache.save()
    report.files_skipped = discovery.skipped
    report.findings.sort(key=Finding.sort_key)
    report.errors.sort(key=lambda e: (e.path, e.message))
    report.duration_s = time.perf_counter() - started
    return report


def _tasks(sources, prefilter, cache, report, collect: Callable[[FileResult], None]) -> Iterator[_Task]:
    """The files that must be analysed; the others' results (cached, prefiltered) go to `collect`.

    A generator, so that workers analyse the first tasks while later files are still read.
    """
    preloaded = False
    for source in sources:
        outcome = _triage(source, prefilter, cache, report)
        if isinstance(outcome, _Task):
            if source.kind == "python" and not preloaded:
                import keylint.python_bindings  # noqa: F401 - load LibCST once, before workers fork

                preloaded = True
            yield outcome
        elif outcome is not None:
            collect(outcome)


def _triage(source: SourcePath, prefilter: Prefilter | None, cache: FileCache | None, report: ScanReport):
    """The file's result if it needs no analysis (cached, or ruled out by the prefilter), else a task.

    None when the file cannot be read (the error is recorded).
    """
    name = _cache_name(source)
    try:
        stat = os.stat(source.abs_path)
        cached = cache.fresh(name, stat) if cache is not None else None
        data = read_bytes(source) if cached is None else b""
    except OSError as exc:
        report.errors.append(FileError(source.rel_path, f"cannot read: {exc.strerror or exc}"))
        return None
    digest = content_digest(data) if cache is not None and cached is None else ""
    if digest:
        cached = cache.get(name, digest, stat)
    if cached is not None:
        report.from_cache += 1
        return cached
    if prefilter is None or prefilter.may_match(source.kind, data):
        return _Task(source, data, digest, stat)
    report.prefiltered += 1
    result = FileResult(source.rel_path)
    if cache is not None:
        cache.put(name, digest, stat, result)
    return result


def _analyse_all(tasks: Iterator[_Task], rules: list, options: ScanOptions, cache: FileCache | None):
    """Analyse the tasks (in worker processes when there are many), storing results in the cache."""
    by_name: dict[str, _Task] = {}

    def named(tasks: Iterator[_Task]) -> Iterator[_Task]:
        for task in tasks:
            by_name[_cache_name(task.source)] = task
            yield task

    def failed(task: _Task, reason: str) -> tuple[None, FileResult]:
        return None, FileResult(task.source.rel_path, errors=[FileError(task.source.rel_path, reason)])

    work = partial(_analyse_task, rules=rules, redact=options.redact)
    for name, result in workers.run(named(tasks), work, failed, options.jobs, options.timeout_s):
        if cache is not None and name is not None:  # crashes and time-outs are not cached
            task = by_name.pop(name)
            cache.put(name, task.digest, task.stat, result)
        yield result


def _collect(report: ScanReport, result: FileResult, options: ScanOptions) -> None:
    report.files_scanned += 1
    report.findings.extend(f for f in result.findings if severity_at_least(f.severity, options.min_severity))
    report.errors.extend(result.errors)
    report.suppressed += result.suppressed
