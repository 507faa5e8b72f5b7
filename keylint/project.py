"""Project phase, between parse and analyse: kinds that look across files (the `taint` kind)
summarise Python files first, then build one index that each file's analysis reads.

A kind joins in by providing `relevant(text, rules)` (its prefilter), `summarise(parsed, rules)`
(plain picklable data), `exports(summary)` (whether importers of the module can pick up
something from it) and `build_index({path: summary})`. A file that fails the prefilter is
still summarised when it imports a module that exports something, so a sink in a file
without any rule token is found when the source is in a helper module.
"""

from __future__ import annotations

import re
from itertools import groupby

from keylint.dataflow.names import module_name
from keylint.kinds import KINDS
from keylint.parse import ParseFailure, decode, parse

MAX_IMPORT_ROUNDS = 3


def summarise_project(sources: list, rules: list, read, key_types=()) -> dict:
    """{kind name: index} for the kinds of `rules` that have a project phase; `key_types` are
    the configured (name, type) pairs."""
    project: dict = {}
    for kind_name, kind_rules in groupby(sorted(rules, key=lambda r: r.kind), key=lambda r: r.kind):
        kind = KINDS[kind_name]
        if hasattr(kind, "summarise"):
            files = [s for s in sources if s.kind in kind.FILE_KINDS]
            project[kind_name] = kind.build_index(_summaries(kind, files, list(kind_rules), read, key_types))
    return project


def _summaries(kind, files: list, rules: list, read, key_types) -> dict:
    summaries: dict = {}
    exporting: set[str] = set()
    pending = files
    for _ in range(MAX_IMPORT_ROUNDS + 1):
        importer = _import_pattern(exporting)
        skipped, new = [], set()
        for source in pending:
            text = _text(source, read)
            if text is None:
                continue
            if not (kind.relevant(text, rules) or (importer and importer.search(text))):
                skipped.append(source)
                continue
            summary = _summary(kind, source, text, rules, key_types)
            summaries[source.rel_path] = summary
            if summary is not None and kind.exports(summary):
                new.add(module_name(source.rel_path).rpartition(".")[2])
        if not new - exporting:
            break
        exporting |= new
        pending = skipped
    return summaries


def _import_pattern(modules: set[str]) -> re.Pattern | None:
    if not modules:
        return None
    names = "|".join(sorted(re.escape(m) for m in modules))
    return re.compile(rf"^[ \t]*(?:from|import)\b[^\n]*\b(?:{names})\b", re.M)


def _text(source, read) -> str | None:
    try:
        return decode(read(source), source.kind)
    except (OSError, ParseFailure):
        return None


def _summary(kind, source, text: str, rules: list, key_types):
    """The file's summary, or None when it cannot be parsed (the analyse stage reports that)."""
    try:
        return kind.summarise(parse(source.rel_path, text, source.kind), rules, key_types)
    except (ParseFailure, RecursionError):
        return None
