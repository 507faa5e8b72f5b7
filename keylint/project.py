"""Project phase, between parse and analyse: kinds that look across files (the `taint` kind)
summarise Python files first, then build one index that each file's analysis reads.

A kind joins in by providing `project_tokens(rule)` (a rule none of whose tokens occurs in any
file of the scan cannot fire and sits the scan out), `relevant(text, rules)` (its prefilter),
`summarise(parsed, rules, key_types)` (plain picklable data), `exports(summary)` (whether
importers of the module can pick up something from it), `imports(summary)` (qualified names it
imports) and `build_index({path: summary}, rule_ids)`.

The files summarised are those that pass the prefilter, then their neighbours: the modules they
import (one level: a helper that returns a request value, used where the MSN header is set) and
the modules that import one of them that exports something (a sink in a file without any rule
token). Summaries are computed in worker processes when there are many.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from itertools import groupby

from keylint import workers
from keylint.kinds import KINDS
from keylint.parse import ParseFailure, decode, parse


@dataclass(frozen=True)
class _File:
    source: object  # keylint.discover.SourcePath
    text: str


def summarise_project(sources: list, rules: list, read, key_types=(), cache=None,
                      jobs: int = 1, timeout_s: float = workers.DEFAULT_TIMEOUT_S) -> dict:
    """{kind name: index} for the kinds of `rules` that have a project phase; `key_types` are
    the configured (name, type) pairs, and `cache` (a keylint.cache.SummaryCache) keeps summaries
    by file path, content and the rules in play.

    keylint.dataflow.names (and so LibCST) is imported only once a kind has files to summarise.
    """
    project: dict = {}
    texts: dict = {}
    for kind_name, kind_rules in groupby(sorted(rules, key=lambda r: r.kind), key=lambda r: r.kind):
        kind = KINDS[kind_name]
        if hasattr(kind, "summarise"):
            files = [_read(s, read, texts) for s in sources if s.kind in kind.FILE_KINDS]
            files = [f for f in files if f is not None]
            possible = rules_in_play(kind, list(kind_rules), [f.text for f in files])
            run = partial(_summarise_all, kind, rules=possible, key_types=key_types, cache=cache, jobs=jobs,
                          timeout_s=timeout_s)
            summaries = _summaries(kind, files, possible, run) if possible else {}
            project[kind_name] = kind.build_index(summaries, frozenset(r.id for r in possible))
    return project


def summarised_paths(project: dict) -> frozenset[str]:
    """The files some kind's project phase summarised (each index keeps its `summaries`)."""
    return frozenset(path for index in project.values() for path in index.summaries)


def _read(source, read, texts: dict) -> _File | None:
    """The file's text (read once per scan), or None when it cannot be read or decoded."""
    if source.rel_path not in texts:
        try:
            texts[source.rel_path] = decode(read(source), source.kind)
        except (OSError, ParseFailure):
            texts[source.rel_path] = None
    text = texts[source.rel_path]
    return None if text is None else _File(source, text)


def rules_in_play(kind, rules: list, texts: list[str]) -> list:
    """The rules that can fire on these files: a rule with project tokens needs one of them in some file."""
    wanted = {r.id: kind.project_tokens(r) for r in rules}
    if all(tokens is None for tokens in wanted.values()):
        return rules
    everything = "\0".join(texts).lower()
    return [r for r in rules if wanted[r.id] is None or any(t in everything for t in wanted[r.id])]


def _summaries(kind, files: list[_File], rules: list, run) -> dict:
    """Summaries of the relevant files, then of their neighbours (see the module docstring)."""
    relevant = [f for f in files if kind.relevant(f.text, rules)]
    summaries = run(relevant)
    if not summaries:
        return summaries
    from keylint.dataflow.names import module_name  # LibCST: only once something is parsed

    found = [s for s in summaries.values() if s is not None]
    wanted = _prefixes(name for s in found for name in kind.imports(s))
    # Importers are followed only from modules with the rules' own tokens: following every
    # module that reads a request or sys.argv would summarise a whole framework.
    exporting = {module_name(path) for path, s in summaries.items() if s is not None and kind.exports(s)}
    neighbours = [
        f for f in files
        if f.source.rel_path not in summaries
        and (_is_wanted(f.source.rel_path, wanted) or _imports_one_of(f.text, f.source.rel_path, exporting))
    ]
    return {**summaries, **run(neighbours)}


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

    if not wanted:
        return False
    parts = module_name(rel_path).split(".")
    # A one-word suffix ("urls", "models") would match every such file in a large tree.
    return any(".".join(parts[i:]) in wanted for i in range(len(parts)) if i == 0 or len(parts) - i >= 2)


def _summarise_all(kind, files: list[_File], rules: list, key_types, cache, jobs: int, timeout_s: float) -> dict:
    """{path: summary or None} for `files`: from the cache, else computed (in workers when many)."""
    ids = ",".join(sorted(r.id for r in rules))
    summaries: dict = {}
    todo = []
    for f in files:
        key = f"{kind.__name__}\0{ids}\0{f.source.rel_path}\0{f.text}"
        summaries[f.source.rel_path] = cache.get(key) if cache is not None else None
        if summaries[f.source.rel_path] is None:
            todo.append((key, f))
    if todo:
        import keylint.dataflow.intra  # noqa: F401 - load LibCST once, before workers fork

    work = partial(_summarise_one, kind, rules=rules, key_types=key_types)
    for path, key, summary in workers.run(todo, work, _failed, jobs, timeout_s):
        summaries[path] = summary
        if cache is not None and summary is not None:
            cache.put(key, summary)
    return summaries


def _summarise_one(kind, item: tuple, rules: list, key_types) -> tuple:
    """(path, cache key, summary), the summary None when the file cannot be parsed (the analyse
    stage reports that)."""
    key, f = item
    try:
        summary = kind.summarise(parse(f.source.rel_path, f.text, f.source.kind), rules, key_types)
    except (ParseFailure, RecursionError):
        summary = None
    return f.source.rel_path, key, summary


def _failed(item: tuple, reason: str) -> tuple:
    """A worker crashed or timed out on the file: no summary (its analysis runs in a worker too)."""
    key, f = item
    return f.source.rel_path, key, None
