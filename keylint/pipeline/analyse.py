"""Stage 4: analyse one file with the loaded rules. A pure function of (path, bytes, rules,
project index).

Everything a later stage needs (cache, parallel workers) can call `analyse_file` on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import groupby

from keylint.core.findings import FileError, FileResult, Finding, Hit, assign_fingerprints
from keylint.core.values import redact_inline, show
from keylint.facts.linescan import line_bindings
from keylint.facts.testfiles import is_test_path
from keylint.pipeline.discover import SourcePath
from keylint.pipeline.parse import ParseFailure, ParsedFile, decode, parse
from keylint.pipeline.suppress import apply_suppressions, parse_suppressions
from keylint.rules.kinds import KINDS
from keylint.services.cache import content_digest


@dataclass(frozen=True)
class FileContext:
    """Facts about the file that rules may weigh, beyond its content.

    `key_types` maps names the project declared (`[tool.keylint.key-types]`) to a key type.
    """

    is_test: bool
    key_types: Mapping[str, str] = field(default_factory=dict)
    project: dict | None = None  # kind name -> project index (see keylint/pipeline/project.py)


@dataclass(frozen=True)
class EarlyHits:
    """What the kinds without a project phase found in a file, found by the project phase where
    it parsed the file for its summary: the file's analysis then needs no parse of its own (the
    data-flow kind answers from the summary). `digest` is that of the text they were found in.
    They hold raw secrets, as hits do: they pass between keylint's processes, never to disk."""

    digest: str
    hits: dict[str, list[Hit]]  # kind name -> its hits


def early_hits(parsed: ParsedFile, text: str, rules: list, key_types: Mapping[str, str]) -> EarlyHits | None:
    """The hits of the kinds without a project phase in `parsed` (decoded from `text`); None when
    one fails (the analysis runs it again and reports the failure as it always does)."""
    context = FileContext(is_test_path(parsed.path), key_types)
    try:
        found = {name: kind.check(kind_rules, parsed, context)
                 for name, kind, kind_rules in _kinds(parsed, rules) if not hasattr(kind, "summarise")}
    except MemoryError:
        raise  # the worker reports the file as over its memory budget
    except Exception:  # noqa: BLE001
        return None
    return EarlyHits(_text_digest(text), found)


def _text_digest(text: str) -> str:
    return content_digest(text.encode("utf-8", "surrogatepass"))


class _Vars(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def analyse_file(
    source: SourcePath,
    data: bytes,
    rules: list,
    redact_secrets: bool = True,
    key_types: Mapping[str, str] | None = None,
    project: dict | None = None,
    raw_secrets: dict | None = None,
    early: EarlyHits | None = None,
) -> FileResult:
    """Findings (fingerprints set, suppressions applied) and errors for one file.

    `raw_secrets`, when given, receives each finding's raw secret by fingerprint (for history scans,
    which tell keys apart by value; never stored or printed). `early`: hits the project phase
    found in the file (used if the file's text is still the one they were found in)."""
    try:
        text = decode(data, source.kind)
        parsed = parse(source.rel_path, text, source.kind, lazy=True)
        found = early.hits if early is not None and early.digest == _text_digest(text) else {}
        hits = _run_kinds(parsed, rules, FileContext(is_test_path(source.rel_path), key_types or {}, project), found)
    except ParseFailure as exc:
        return analyse_lines(source, data, rules, redact_secrets, str(exc), raw_secrets)
    except RecursionError:
        return analyse_lines(source, data, rules, redact_secrets, "too deeply nested to analyse", raw_secrets)
    return _result(parsed, hits, redact_secrets, raw_secrets)


def analyse_lines(source: SourcePath, data: bytes, rules: list, redact_secrets: bool, reason: str,
                  raw_secrets: dict | None = None) -> FileResult:
    """A file that cannot be analysed: the error saying why, and what the line-based search for
    hardcoded keys finds in it (keylint.facts.linescan), if it can be decoded."""
    try:
        text = decode(data, source.kind)
    except ParseFailure:  # keys are ASCII: a file in another or a broken encoding still shows them
        text = None if b"\0" in data[:8192] else data.decode("utf-8", "replace")
    secret_rules = [r for r in rules if r.kind == "secret"]
    if text is None or not secret_rules:
        return FileResult(source.rel_path, errors=[FileError(source.rel_path, reason)])
    parsed = ParsedFile(source.rel_path, source.kind, text, bindings=line_bindings(text), line_based=True)
    hits = KINDS["secret"].check(secret_rules, parsed, FileContext(is_test_path(source.rel_path)))
    result = _result(parsed, hits, redact_secrets, raw_secrets)
    result.errors.append(FileError(source.rel_path, f"{reason}; searched line by line for hardcoded keys only"))
    return result


def _result(parsed: ParsedFile, hits: list[Hit], redact_secrets: bool, raw_secrets: dict | None) -> FileResult:
    result = FileResult(parsed.path)
    secrets = sorted({hit.secret for hit in hits if hit.secret}, key=len, reverse=True)
    findings = [_finding(hit, parsed, secrets, redact_secrets) for hit in hits]
    # Fingerprint before suppressing: silencing one occurrence must not renumber the others.
    assign_fingerprints(findings)
    if raw_secrets is not None:
        raw_secrets.update((f.fingerprint, hit.secret) for f, hit in zip(findings, hits) if hit.secret)
    suppressions = parse_suppressions(parsed.text, parsed.kind) if "keylint:" in parsed.text else []
    if redact_secrets:  # a reason may quote the key it excuses; results are cached as reported
        suppressions = [replace(s, reason=s.reason and _redacted(s.reason, secrets)) for s in suppressions]
    result.suppressions = suppressions
    result.findings, result.silenced = apply_suppressions(findings, result.suppressions)
    if parsed.notebook is not None:
        _place_in_notebook(result, parsed.notebook)
    result.findings.sort(key=Finding.sort_key)
    return result


def _place_in_notebook(result: FileResult, notebook) -> None:
    """Lines of the notebook's analysed text become lines of the .ipynb file (keylint/facts/notebook.py)."""
    result.errors.extend(FileError(result.path, message) for message in notebook.errors)
    result.findings = [notebook.place_finding(f) for f in result.findings]
    result.silenced = [(notebook.place_finding(f), notebook.place_suppression(s)) for f, s in result.silenced]
    result.suppressions = [notebook.place_suppression(s) for s in result.suppressions]


def _run_kinds(parsed: ParsedFile, rules: list, context: FileContext, found: dict[str, list[Hit]]) -> list[Hit]:
    """Every kind's hits, in the kinds' order; a kind whose hits are `found` already is not run."""
    hits: list[Hit] = []
    for name, kind, kind_rules in _kinds(parsed, rules):
        hits.extend(found[name] if name in found else kind.check(kind_rules, parsed, context))
    return hits


def _kinds(parsed: ParsedFile, rules: list):
    """(kind name, kind, its rules) for each kind of `rules` that analyses files like `parsed`."""
    for name, kind_rules in groupby(sorted(rules, key=lambda r: r.kind), key=lambda r: r.kind):
        kind = KINDS[name]
        if parsed.kind in kind.FILE_KINDS:
            yield name, kind, list(kind_rules)


def _finding(hit: Hit, parsed: ParsedFile, secrets: list[str], redact_secrets: bool) -> Finding:
    rule = hit.rule
    variables = _Vars(hit.variables)
    if hit.secret is not None:
        variables["value"] = show(hit.secret, redact_secrets)
    if parsed.notebook is not None and variables.get("source_path") == parsed.path:  # a flow's source line
        variables["source_line"] = parsed.notebook.place(variables["source_line"], 1)[0]
    lines = parsed.lines
    source_line = lines[hit.line - 1] if 0 < hit.line <= len(lines) else ""
    span_end = hit.end_column if hit.end_line == hit.line else len(source_line) + 1
    span = source_line[hit.column - 1 : span_end - 1]
    if redact_secrets:
        source_line, span = _redacted(source_line, secrets), _redacted(span, secrets)
    return Finding(
        rule_id=rule.id,
        pitfall=rule.pitfall,
        severity=hit.severity or rule.severity,
        confidence=hit.confidence or rule.confidence,
        message=rule.message.format_map(variables) + (f" ({hit.variables['entry']})" if hit.variables.get("entry") else ""),
        path=parsed.path,
        line=hit.line,
        column=hit.column,
        end_line=hit.end_line,
        end_column=hit.end_column,
        snippet=source_line,
        highlight=max(1, len(span)),
        match_key=hit.match_key,
        scope=hit.scope,
        flow=hit.flow,
    )


def _redacted(line: str, secrets: list[str]) -> str:
    """The line with every secret found in this file replaced by its redacted form."""
    for secret in secrets:
        line = line.replace(secret, redact_inline(secret))
    return line
