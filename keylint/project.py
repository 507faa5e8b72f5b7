"""Project phase, between parse and analyse: kinds that look across files (the `taint` kind)
summarise Python files first, then build one index that each file's analysis reads.

A kind joins in by providing `relevant(text, rules)` (its prefilter), `summarise(parsed, rules, key_types)`
(plain picklable data), `exports(summary)` (whether importers of the module can pick up
something from it), `imports(summary)` (qualified names it imports) and
`build_index({path: summary})`. A file that fails the prefilter is still summarised when it
imports a module that exports something (a sink in a file without any rule token, the source
in a helper module), or when a file that passed the prefilter imports it (a helper that
returns a request value, used where the MSN header is set).
"""

from __future__ import annotations

from itertools import groupby

from keylint.kinds import KINDS
from keylint.parse import ParseFailure, decode, parse

MAX_IMPORT_ROUNDS = 3


def summarise_project(sources: list, rules: list, read, key_types=(), cache=None) -> dict:
    """{kind name: index} for the kinds of `rules` that have a project phase; `key_types` are
    the configured (name, type) pairs, and `cache` (a keylint.cache.SummaryCache) keeps summaries
    by file path and content.

    keylint.dataflow.names (and so LibCST) is imported only once a kind has files to summarise.
    """
    project: dict = {}
    for kind_name, kind_rules in groupby(sorted(rules, key=lambda r: r.kind), key=lambda r: r.kind):
        kind = KINDS[kind_name]
        if hasattr(kind, "summarise"):
            files = [s for s in sources if s.kind in kind.FILE_KINDS]
            project[kind_name] = kind.build_index(_summaries(kind, files, list(kind_rules), read, key_types, cache))
    return project


def summarised_paths(project: dict) -> frozenset[str]:
    """The files some kind's project phase summarised (each index keeps its `summaries`)."""
    return frozenset(path for index in project.values() for path in index.summaries)


def _summaries(kind, files: list, rules: list, read, key_types, cache) -> dict:
    summaries: dict = {}
    exporting: set[str] = set()
    wanted: set[str] = set()
    pending = files
    for round_ in range(MAX_IMPORT_ROUNDS + 1):
        skipped, new = [], set()
        for source in pending:
            text = _text(source, read)
            if text is None:
                continue
            relevant = kind.relevant(text, rules)
            if not (relevant or (wanted and _is_wanted(source.rel_path, wanted))
                    or _imports_one_of(text, source.rel_path, exporting)):
                skipped.append(source)
                continue
            summary = _summary(kind, source, text, rules, key_types, cache)
            summaries[source.rel_path] = summary
            # Importers are followed only from modules with the rules' own tokens: following every
            # module that reads a request or sys.argv would summarise a whole framework.
            if summary is not None and relevant and kind.exports(summary):
                from keylint.dataflow.names import module_name  # LibCST: only once something is parsed

                new.add(module_name(source.rel_path))
            if summary is not None and round_ == 0 and relevant:  # one level: not the whole import closure
                wanted.update(_prefixes(kind.imports(summary)))
        if not (new - exporting or (round_ == 0 and wanted)):
            break
        exporting |= new
        pending = skipped
    return summaries


def _same_module(module: str, imported: str) -> bool:
    """`imported` (as written in an import) names `module` (named from its path)."""
    return bool(imported) and (module == imported or module.endswith("." + imported))


def _imports_one_of(text: str, rel_path: str, modules: set[str]) -> bool:
    """Whether the file imports one of `modules` or a name from one of them."""
    if not modules or not any(m.rpartition(".")[2] in text for m in modules):
        return False
    from keylint.dataflow.names import Imports, module_name

    imports = Imports(module_name(rel_path), rel_path.endswith("__init__.py"))
    imports.add_statements(text)
    return any(
        _same_module(m, name) or _same_module(m, name.rpartition(".")[0]) for m in modules for name in imports.modules
    )


def _prefixes(names) -> set[str]:
    """`a.b.c` -> {a, a.b, a.b.c}: an import may name a module or something inside one."""
    found = set()
    for name in names:
        parts = name.split(".")
        found.update(".".join(parts[: i + 1]) for i in range(len(parts)))
    return found


def _is_wanted(rel_path: str, wanted: set[str]) -> bool:
    """Whether a module a relevant file imports is this file (matched on a dotted suffix)."""
    from keylint.dataflow.names import module_name

    parts = module_name(rel_path).split(".")
    # A one-word suffix ("urls", "models") would match every such file in a large tree.
    return any(".".join(parts[i:]) in wanted for i in range(len(parts)) if i == 0 or len(parts) - i >= 2)


def _text(source, read) -> str | None:
    try:
        return decode(read(source), source.kind)
    except (OSError, ParseFailure):
        return None


def _summary(kind, source, text: str, rules: list, key_types, cache):
    """The file's summary, or None when it cannot be parsed (the analyse stage reports that)."""
    key = f"{kind.__name__}\0{source.rel_path}\0{text}"
    summary = cache.get(key) if cache is not None else None
    if summary is not None:
        return summary
    try:
        summary = kind.summarise(parse(source.rel_path, text, source.kind), rules, key_types)
    except (ParseFailure, RecursionError):
        return None
    if cache is not None:
        cache.put(key, summary)
    return summary
