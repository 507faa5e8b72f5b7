"""Project phase, between parse and analyse: kinds that look across files (the `taint` kind)
summarise every Python file first, then build one index that each file's analysis reads.

A kind joins in by providing `summarise(parsed, rules) -> summary` (plain picklable data, or
None when the file does not matter) and `build_index({path: summary}) -> index`.
"""

from __future__ import annotations

from itertools import groupby

from keylint.kinds import KINDS
from keylint.parse import ParseFailure, decode, parse


def summarise_project(sources: list, rules: list, read) -> dict:
    """{kind name: index} for the kinds of `rules` that have a project phase."""
    project: dict = {}
    for kind_name, kind_rules in groupby(sorted(rules, key=lambda r: r.kind), key=lambda r: r.kind):
        kind = KINDS[kind_name]
        if not hasattr(kind, "summarise"):
            continue
        kind_rules = list(kind_rules)
        summaries = {}
        for source in sources:
            if source.kind in kind.FILE_KINDS:
                summaries[source.rel_path] = _summary(kind, source, kind_rules, read)
        project[kind_name] = kind.build_index(summaries)
    return project


def _summary(kind, source, rules: list, read):
    """The file's summary, or None when it cannot be read or parsed (the analyse stage reports that)."""
    try:
        text = decode(read(source), source.kind)
        if not kind.relevant(text, rules):
            return None
        return kind.summarise(parse(source.rel_path, text, source.kind), rules)
    except (OSError, ParseFailure, RecursionError):
        return None
