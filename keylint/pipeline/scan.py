"""The pipeline: discover -> project phase -> read -> prefilter -> analyse (in workers) -> review.

Also rule selection and stats. Files whose result is in the cache skip everything after
reading (or after a stat, when size and mtime are unchanged); a scan in which no file changed
skips everything after discovery (the last scan's outcome, services/cache.py LastScan).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Callable, Iterator

from keylint.core.findings import FileError, FileResult, Finding
from keylint.pipeline.discover import SourcePath, discover, read_bytes
from keylint.pipeline.parse import ParseFailure, decode
from keylint.pipeline.prefilter import Prefilter, build as build_prefilter
from keylint.pipeline.project import summarise_project, summarised_paths
from keylint.pipeline.review import review
from keylint.pipeline.suppress import SuppressionIssue, parse_suppressions
from keylint.rules.config import PathRules
from keylint.rules.kinds import load_engines
from keylint.services import workers
from keylint.services.cache import (FileCache, LastScan, ProjectFacts, Stamp, analysis_key, content_digest, ruleset_digest,
                                    stamp_files)

if TYPE_CHECKING:  # a diff scan or a baseline imports these when it runs
    from keylint.pipeline.baseline import Baseline
    from keylint.pipeline.gitdiff import ChangedLines


MAX_FILE_BYTES = 1024 * 1024
"""Default --max-file-size: a larger file is not parsed (parsing and data flow cost ~0.4 ms and
~6 KB of memory per line of Python, docs/benchmarks.md); it gets the line-based search for
hardcoded keys only, and the report says so for it."""


class SelectionError(ValueError):
    """--select/--ignore named something that is neither a loaded rule id nor a pitfall."""


@dataclass(frozen=True)
class ScanOptions:
    """How to scan and what to report. The fields after `memory_mb` come from the project
    configuration and the adoption flags (see keylint/rules/config.py, review.py)."""

    root: str | None = None
    excludes: tuple[str, ...] = ()
    gitignore: bool = True
    min_severity: str = "low"
    redact: bool = True
    prefilter: bool = True
    jobs: int = 1
    cache_dir: str | None = None  # None: no cache
    timeout_s: float = workers.DEFAULT_TIMEOUT_S
    memory_mb: int | None = workers.DEFAULT_MEMORY_MB
    max_file_bytes: int | None = MAX_FILE_BYTES  # None: no limit
    per_path: tuple[PathRules, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    key_types: tuple[tuple[str, str], ...] = ()
    require_reason: bool = False
    report_unused_suppressions: bool = False
    baseline: Baseline | None = None
    diff: ChangedLines | None = None
    keep_project: bool = False  # the report must hold the project index (--explain-keys)

    def analysis_settings(self) -> dict:
        """The options that change a file's result, for the cache key."""
        return {
            "redact": self.redact,
            "prefilter": self.prefilter,
            "per_path": [(p.pattern, p.select, p.ignore) for p in self.per_path],
            "key_types": sorted(self.key_types),
            "severity": sorted(self.severity),
            "max_file_bytes": self.max_file_bytes,
        }


@dataclass
class ScanReport:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files_scanned: int = 0
    files_skipped: int = 0
    suppressed: int = 0
    baselined: int = 0
    prefiltered: int = 0
    from_cache: int = 0
    duration_s: float = 0.0
    started: float = 0.0  # wall-clock time the scan started (seconds since the epoch)
    suppression_issues: list[SuppressionIssue] = field(default_factory=list)
    silenced: list[tuple] = field(default_factory=list)
    suppressions: list[tuple] = field(default_factory=list)
    project: dict | None = None  # the project phase's indexes (for --explain-keys)
    root: str = ""  # the folder reported paths are relative to (keylint/report/paths.py rebases them)
    locations: dict[str, str] = field(default_factory=dict)  # reported path -> file on disk
    commits_scanned: int | None = None  # scan --history (keylint/pipeline/history.py)

    def stats(self) -> dict:
        history = {} if self.commits_scanned is None else {"commits_scanned": self.commits_scanned}
        return {
            **history,
            "files_scanned": self.files_scanned,
            "files_skipped": self.files_skipped,
            "findings": len(self.findings),
            "suppressed": self.suppressed,
            "baselined": self.baselined,
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



@dataclass
class _Task:
    """A file that must be analysed, with what the cache needs to store its result."""

    source: SourcePath
    data: bytes
    digest: str = ""
    stat: Stamp | None = None


def _cache_name(source: SourcePath) -> str:
    """Cache entries are per file and per displayed path (which depends on how it was named)."""
    return f"{source.abs_path}\0{source.rel_path}"


def _analyse_task(task: _Task, rules: list, options: ScanOptions, project: dict,
                  early: dict | None = None) -> tuple[str | None, FileResult]:
    """analyse_file with the file's own rules (and what the project phase found in it, `early`);
    a bug in keylint becomes an error for this file (not cached)."""
    from keylint.pipeline.analyse import analyse_file, analyse_lines  # not needed by a scan whose files are all cached or ruled out

    rules_here = rules_for_path(rules, options.per_path, task.source.rel_path)
    reason = too_large(len(task.data), options.max_file_bytes)
    if reason is not None:
        return _cache_name(task.source), analyse_lines(task.source, task.data, rules_here, options.redact, reason)
    try:
        result = analyse_file(task.source, task.data, rules_here, options.redact, dict(options.key_types), project,
                              early=(early or {}).get(task.source.rel_path))
        return _cache_name(task.source), result
    except MemoryError:
        raise  # the worker reports the file as over its memory budget
    except Exception as exc:  # noqa: BLE001 - one file must not stop the scan
        error = FileError(task.source.rel_path, f"internal error in keylint: {type(exc).__name__}: {exc}")
        return None, FileResult(task.source.rel_path, errors=[error])


def too_large(size: int, limit: int | None) -> str | None:
    """Why a file of `size` bytes is not parsed (see MAX_FILE_BYTES; `limit` None: no limit), or None."""
    if limit is None or size <= limit:
        return None
    return f"file of {_size(size)} is larger than --max-file-size ({limit // 1024} KB): not parsed"


def scan(
    paths: list[str],
    rules: list,
    options: ScanOptions = ScanOptions(),
    on_progress: Callable[[int, int], None] | None = None,
) -> ScanReport:
    """Scan `paths`; on_progress(done, total) is called as each file is finished."""
    started = time.perf_counter()
    report = ScanReport(root=os.path.abspath(options.root or os.getcwd()), started=time.time())
    sources, discovery = discover(paths, options.root, options.excludes, options.gitignore)
    report.locations = {source.rel_path: source.abs_path for source in sources}
    report.errors.extend(FileError(p, "no such file or directory") for p in discovery.missing)
    report.errors.extend(FileError(p, why) for p, why in discovery.unreadable)
    if options.diff is None:
        analysed = sources
    else:
        from keylint.pipeline.gitdiff import files_to_analyse

        analysed = files_to_analyse(sources, rules, options.diff)
    stamps, signature = stamp_files(sources, signed=options.cache_dir is not None and not options.keep_project)
    ruleset = ruleset_digest(rules) if options.cache_dir is not None else ""  # in every cache key of the scan
    last = _last_scan(signature, sources, analysed, ruleset, options)
    outcome = last.get(_is_outcome) if last is not None else None
    if outcome is not None:
        _restore(report, outcome)
        if on_progress is not None:
            on_progress(report.files_scanned, len(analysed))
    else:
        known_errors = len(report.errors)
        complete = _analyse_project(report, sources, analysed, rules, options, on_progress, stamps, ruleset)
        if last is not None and complete:
            last.put((report.files_scanned, FileResult("", report.findings, report.errors[known_errors:],
                                                       report.suppressions, report.silenced)))
    report.files_skipped = discovery.skipped
    review(report, options)
    report.errors.sort(key=lambda e: (e.path, e.message))
    report.duration_s = time.perf_counter() - started
    return report


def _last_scan(signature: str | None, sources: list[SourcePath], analysed: list[SourcePath], ruleset: str,
               options: ScanOptions) -> LastScan | None:
    """The record of the last scan with these rules and settings, signed by every file's stat
    (`signature`, from stamp_files) and which files are analysed: when no file changed, the stored
    outcome is this scan's. None without a signature (no cache, the report must hold the project
    index, or a file cannot be stat'ed)."""
    if signature is None:
        return None
    parts = [repr((options.timeout_s, options.memory_mb)), signature]
    if analysed is not sources:
        parts.append("\1" + "\0".join(source.rel_path for source in analysed))
    key = analysis_key(ruleset, {**options.analysis_settings(), "phase": "scan"})
    return LastScan(options.cache_dir, options.root or os.getcwd(), key, content_digest("\n".join(parts).encode()))


def _is_outcome(value) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], int) and isinstance(value[1], FileResult)


def _restore(report: ScanReport, outcome: tuple[int, FileResult]) -> None:
    """The stored outcome of an identical scan, as a warm scan of it reports: every file from the cache."""
    report.files_scanned, stored = outcome
    report.from_cache = report.files_scanned
    report.findings, report.silenced, report.suppressions = stored.findings, stored.silenced, stored.suppressions
    report.errors.extend(stored.errors)


def _analyse_project(report: ScanReport, sources: list[SourcePath], analysed: list[SourcePath], rules: list,
                     options: ScanOptions, on_progress: Callable[[int, int], None] | None,
                     stamps: dict[str, Stamp], ruleset: str) -> bool:
    """The project phase and every analysed file's result, into `report` (`stamps`: each file's
    stat, stamp_files; `ruleset`: the rules' part of the cache keys, ruleset_digest). True when
    the outcome is complete and cached: every file analysed (none unreadable, crashed or timed
    out) and stored."""
    # Cross-file kinds summarise the whole project first; a diff scan may then analyse fewer files.
    facts = None
    if options.cache_dir is not None:
        key = analysis_key(ruleset, {**options.analysis_settings(), "phase": "project"})
        facts = ProjectFacts(options.cache_dir, options.root or os.getcwd(), key, stamps)
    limits = workers.Limits(options.timeout_s, options.memory_mb)
    plain: dict[str, str] = {}  # files the project phase read and the prefilter rules out: not read again
    first = build_prefilter(rules, frozenset()) if options.prefilter else None
    oversized = _oversized(stamps, options.max_file_bytes)  # analysed line by line only: not summarised either
    early: dict = {}  # what the project phase found in the files it parsed: they are not parsed again
    also = partial(_early_hits, rules=rules, options=options)
    project = report.project = summarise_project(sources, rules, options.key_types, facts, options.jobs, limits, first, plain,
                                                 skip=oversized, also=also, early=early)
    summarised = summarised_paths(project)
    prefilter = build_prefilter(rules, summarised | oversized) if options.prefilter else None
    cache = None
    if facts is not None:
        facts.save(sources)
        cache = FileCache(options.cache_dir, options.root or os.getcwd(), analysis_key(ruleset, options.analysis_settings()),
                          read_all=True)
        project_rules = [r for r in rules if r.screen.project_wide]
        flows = partial(_analyse_task, rules=project_rules, options=options, project=project)
        cache.depends = _ProjectDependency(summarised, frozenset(r.id for r in project_rules), flows)

    def collect(result: FileResult) -> None:
        _collect(report, result)
        if on_progress is not None:
            on_progress(report.files_scanned, len(analysed))

    given_up = partial(_not_analysed, rules=rules, options=options, limits=limits)
    tasks = _tasks(analysed, stamps, prefilter, cache, report, collect, limits.failures, given_up, plain, bool(summarised))
    stored = True
    for kept, result in _analyse_all(tasks, rules, options, cache, project, limits, early):
        stored &= kept
        collect(result)
    if on_progress is not None and report.files_scanned < len(analysed):  # unreadable files
        on_progress(len(analysed), len(analysed))
    if cache is not None:
        cache.save()
    return stored and not limits.failures and report.files_scanned == len(analysed)


def _early_hits(parsed, text: str, rules: list, options: ScanOptions):
    """What the kinds without a project phase find in a file the project phase parsed, with the
    file's own rules (keylint.pipeline.analyse.EarlyHits)."""
    from keylint.pipeline.analyse import early_hits

    return early_hits(parsed, text, rules_for_path(rules, options.per_path, parsed.path), dict(options.key_types))


def _oversized(stamps: dict[str, Stamp], limit: int | None) -> frozenset[str]:
    """The files larger than `limit` bytes (see MAX_FILE_BYTES); one that cannot be stat'ed is
    reported when the scan reads it."""
    if limit is None:
        return frozenset()
    return frozenset(path for path, stamp in stamps.items() if stamp.st_size > limit)


@dataclass(frozen=True)
class _ProjectDependency:
    """The files whose results also depend on other files (through the project index), the
    rules that make them depend (data flow), and how to run just those rules on a file."""

    paths: frozenset[str]
    rule_ids: frozenset[str]
    flows: Callable[[_Task], tuple]

    def key(self, result: FileResult) -> str:
        """What the result holds of these rules: other files reach it only through this."""
        import json  # here: only a scan with data flows needs it

        found = [f.to_dict() for f in result.findings if f.rule_id in self.rule_ids]
        found += [f.to_dict() for f, _ in result.silenced if f.rule_id in self.rule_ids]
        return content_digest(json.dumps(found, sort_keys=True).encode())


def _with_flows(cache: FileCache, name: str, task: _Task) -> str:
    """A summarised file's cache digest: its content, then what its data flows find now. The
    flows (no parse needed: the file's summary is in the index) are run only when a result is
    stored for this content; the digest of a new result is completed when it is stored."""
    if not (cache.stored_digest(name) or "").startswith(task.digest + ":"):
        return task.digest + ":"
    _, flows = cache.depends.flows(task)
    return task.digest + ":" + cache.depends.key(flows)


def _tasks(sources, stamps: dict[str, Stamp], prefilter, cache, report, collect: Callable[[FileResult], None],
           failures: dict, given_up: Callable[[_Task], FileResult], plain: dict[str, str], vipps: bool) -> Iterator[_Task]:
    """The files that must be analysed; the others' results (cached, prefiltered, or given_up()
    on for the `failures` of the project phase) go to `collect`.

    A generator, so that workers analyse the first tasks while later files are still read.
    With `vipps` (the project phase found Vipps evidence), Python files will be parsed: LibCST
    is loaded once, before the workers fork. Without, a file is parsed only if it shows Vipps
    evidence itself (the secret kind's test), and the worker that parses it loads LibCST.
    """
    preloaded = not vipps
    for source in sources:
        outcome = _triage(source, stamps.get(source.rel_path), prefilter, cache, report, plain.get(source.rel_path))
        if isinstance(outcome, _Task) and source.rel_path in failures:
            outcome = given_up(outcome)
        if isinstance(outcome, _Task):
            if source.kind == "python" and not preloaded:
                import keylint.facts.python_bindings  # noqa: F401 - load LibCST once, before workers fork

                preloaded = True
            yield outcome
        elif outcome is not None:
            collect(outcome)


def _triage(source: SourcePath, stamp: Stamp | None, prefilter: Prefilter | None, cache: FileCache | None,
            report: ScanReport, plain_digest: str | None = None):
    """The file's result if it needs no analysis (cached, or ruled out by the prefilter), else a task.

    `stamp`: the file's stat as the scan took it (stamp_files), None if it could not: stat'ed here.
    `plain_digest`: the content digest of a file the project phase read and found nothing to
    analyse in (the prefilter rules it out, no suppression comment): it is not read again.
    None when the file cannot be read (the error is recorded).
    """
    name = _cache_name(source)
    # A summarised file's result also depends on the other files (its flows): key it on both. So
    # does one whose stored result did (its digest has a flows part): it may have lost its flows.
    depends = cache is not None and (source.rel_path in cache.depends.paths or ":" in (cache.stored_digest(name) or ""))
    plain = plain_digest is not None and not depends and prefilter is not None and source.rel_path not in prefilter.always
    try:
        stat = stamp or os.stat(source.abs_path)
        cached = cache.fresh(name, stat) if cache is not None and not depends else None
        data = read_bytes(source) if cached is None and not plain else b""
    except OSError as exc:
        report.errors.append(FileError(source.rel_path, f"cannot read: {exc.strerror or exc}"))
        return None
    digest = (plain_digest if plain else content_digest(data)) if cache is not None and cached is None else ""
    if depends:
        digest = _with_flows(cache, name, _Task(source, data, digest, stat))
    if digest:
        cached = cache.get(name, digest, stat)
    if cached is not None:
        report.from_cache += 1
        return cached
    result = FileResult(source.rel_path) if plain else None
    if result is None and prefilter is not None and not prefilter.may_match(source.kind, data, source.rel_path):
        result = _unparsed(source, data)
    if result is None:
        return _Task(source, data, digest, stat)
    report.prefiltered += 1
    if cache is not None:  # it finds nothing, through flows or otherwise: keyed on its content alone
        cache.put(name, digest.partition(":")[0], stat, result)
    return result


def _unparsed(source: SourcePath, data: bytes) -> FileResult | None:
    """The result of a file the prefilter ruled out: nothing to find, but its suppressions are
    kept (they silence nothing, which may be reported). None for undecodable input: the analysis
    reports it, as it does without the prefilter."""
    result = FileResult(source.rel_path)
    try:
        text = decode(data, source.kind)
    except ParseFailure:
        return None
    if "keylint:" in text:
        result.suppressions = parse_suppressions(text, source.kind)
    return result


def _analyse_all(tasks: Iterator[_Task], rules: list, options: ScanOptions, cache: FileCache | None, project: dict,
                 limits: workers.Limits, early: dict):
    """Analyse the tasks in worker processes, storing results in the cache: (stored, result) pairs."""
    by_name: dict[str, _Task] = {}

    def named(tasks: Iterator[_Task]) -> Iterator[_Task]:
        for number, task in enumerate(tasks):
            if not number:  # a file to analyse: the rules' kinds are needed, load them before workers fork
                load_engines(rules)
            by_name[_cache_name(task.source)] = task
            yield task

    def failed(task: _Task, reason: str) -> tuple[None, FileResult]:
        return None, _not_analysed(task, rules, options, limits, reason, "analysis")

    work = partial(_analyse_task, rules=rules, options=options, project=project, early=early)
    for name, result in workers.run(named(tasks), work, failed, options.jobs, limits, name=_path_of,
                                    grow_after=workers.FILES_PER_NEW_WORKER):
        kept = cache is not None and name is not None  # crashes and time-outs are not cached
        if kept:
            task = by_name.pop(name)
            digest = task.digest + cache.depends.key(result) if task.digest.endswith(":") else task.digest
            cache.put(name, digest, task.stat, result)
        yield kept, result


def _path_of(task: _Task) -> str:
    return task.source.rel_path


def _not_analysed(task: _Task, rules: list, options: ScanOptions, limits: workers.Limits,
                  reason: str | None = None, phase: str = "project phase (data-flow summary)") -> FileResult:
    """A file whose analysis crashed, timed out or ran out of memory (by default: already in the
    project phase, so it is not tried again): the error names the phase and the file's size, and
    the file still gets the line-based search for hardcoded keys."""
    from keylint.pipeline.analyse import analyse_lines

    reason = reason or limits.failures[task.source.rel_path]
    message = f"{phase} {reason} (file of {_size(len(task.data))})"
    rules_here = rules_for_path(rules, options.per_path, task.source.rel_path)
    return analyse_lines(task.source, task.data, rules_here, options.redact, message)


def _collect(report: ScanReport, result: FileResult) -> None:
    report.files_scanned += 1
    report.findings.extend(result.findings)
    report.errors.extend(result.errors)
    report.silenced.extend(result.silenced)
    report.suppressions.extend((result.path, s) for s in result.suppressions)


def _size(length: int) -> str:
    return f"{length / 2**20:.1f} MB" if length >= 2**20 else f"{length / 1024:.1f} KB"
