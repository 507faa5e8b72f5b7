"""Project phase, between parse and analyse: kinds that look across files (the `taint` kind)
summarise Python files first, then build one index that each file's analysis reads.

A kind joins in by providing `prefilter_tokens(spec)` and `project_tokens(spec)` (lowercase
substrings, None: no such test; each rule's Screen holds them, so that the first look needs no
kind loaded), `relevant(found, rules)` (whether a file holding the tokens
`found` matters), `summarise(parsed, rules, key_types)` (plain picklable data),
`exports(summary)` (whether importers of the module can pick up something from it),
`build_index({path: summary}, rule_ids)` and `wanted(index)` (qualified names whose modules
could add flows to the index's).

- A rule with project tokens, none of which occurs in any file of the scan, cannot fire: it sits
  the scan out (its sinks need the Merchant-Serial-Number header, or a Vipps API path).
- The files summarised are those with a prefilter token of a rule in play, then their
  neighbours, one level: the modules that define what they call where it matters (`wanted`: a
  helper that returns a request value used where the MSN header is set, a helper that logs the
  key it is given) and the modules that import one of them that exports something (a sink in a
  file without any rule token).

What is learnt from a file's text is kept as its facts, in the cache when there is one
(keylint.services.cache.ProjectFacts), so an unchanged file is not read again. Summaries are computed in
worker processes when there are many.
"""

from __future__ import annotations

import fnmatch
from functools import partial
from itertools import groupby

from keylint.facts.modules import WANTED_GLOB, import_words, module_name
from keylint.pipeline.discover import analysed_kind, read_bytes
from keylint.pipeline.parse import ParseFailure, decode, parse
from keylint.rules.kinds import KINDS, NoIndex, load_engines
from keylint.rules.tokens import tokens_in
from keylint.services import workers
from keylint.services.cache import content_digest
from keylint.services.interning import Interner

GATE = "project tokens"
"""The fact of the project tokens a file shows (see _look)."""

PLAIN = "nothing to analyse"
"""The fact that the scan's prefilter rules the file out and it holds no suppression comment."""

LOOK_CHUNK = 256
"""Files per work item of the first look (reading, token search): a few items per worker."""


def summarise_project(sources: list, rules: list, key_types=(), store=None,
                      jobs: int = 1, limits: workers.Limits | None = None,
                      prefilter=None, plain: dict | None = None, skip: frozenset[str] = frozenset(),
                      also=None, early: dict | None = None) -> dict:
    """{kind name: index} for the kinds of `rules` that have a project phase; `key_types` are
    the configured (name, type) pairs; `store` (a keylint.services.cache.ProjectFacts) keeps what is
    learnt from each file between scans; `limits` bound each file's time (shared with its
    analysis) and memory.

    The first look reads each file once for the analysis too: given the scan's `prefilter`
    (before the project phase: keylint.pipeline.prefilter.build(rules, frozenset())), the files it rules
    out that hold no suppression comment go into `plain` (path -> content digest), and the scan
    need not read them again. Files in `skip` (too large to parse) count for their tokens but are
    not summarised.

    `also(parsed, text)`, when given, runs on each summarised file's tree while it is at hand
    (in the worker); what it returns goes into `early` by path, so that the file's analysis need
    not parse it again (keylint.pipeline.analyse.EarlyHits)."""
    limits = limits or workers.Limits()
    shared = Interner()  # the facts of every file are kept to the end of the scan: share their equal parts
    project: dict = {}
    for kind_name, kind_rules in groupby(sorted(rules, key=lambda r: r.kind), key=lambda r: r.kind):
        kind_rules = list(kind_rules)
        screen = kind_rules[0].screen
        if not screen.project_phase:
            continue
        chosen = [s for s in sources if analysed_kind(s.kind) in screen.file_kinds]
        if store is not None:
            store.expect(chosen)
        files = [_File(s, store, shared) for s in chosen]
        tokens = _tokens_of(kind_rules)
        _first_look(files, tokens, _gate_of(kind_rules) or tokens, jobs, limits.timeout_s, prefilter)
        files = [f for f in files if f.facts[GATE] is not None]
        if plain is not None and prefilter is not None:
            plain.update((f.source.rel_path, f.digest) for f in files if f.facts.get(PLAIN) and f.digest)
        possible = rules_in_play(kind_rules, frozenset().union(*(f.facts[GATE] for f in files)))
        if possible:  # the files that showed no project token are read again for their other tokens
            _first_look(files, tokens, None, jobs, limits.timeout_s)
            files = [f for f in files if f.facts["tokens"] is not None]
            load_engines(rules)  # before the summary workers fork (`also` runs every kind there)
            kind = KINDS[kind_name]
            run = partial(_summarise_all, kind, rules=possible, key_types=key_types, jobs=jobs, limits=limits,
                          also=also, early=early)
            parsed = [f for f in files if f.source.rel_path not in skip]
            project[kind_name] = _index(kind, parsed, possible, run)
        else:
            project[kind_name] = NoIndex()
        for f in files:
            if store is not None and f.learnt:
                store.put(f.source, f.facts)
    return project


def summarised_paths(project: dict) -> frozenset[str]:
    """The files some kind's project phase summarised (each index keeps its `summaries`)."""
    return frozenset(path for index in project.values() for path in index.summaries)


class _File:
    """A file as the project phase sees it: facts learnt from its text. A file whose facts are
    in `store` (unchanged since the last scan) is read only if a fact is missing. Every fact
    goes through `shared` (a keylint.services.interning.Interner) as it arrives."""

    __slots__ = ("source", "_store", "_shared", "digest", "learnt", "facts")  # one per file of the tree

    def __init__(self, source, store, shared):
        self.source, self._store, self._shared = source, store, shared
        self.digest: str | None = None  # the content digest, when the first look read the file
        self.learnt = False
        self.facts = shared((store.get(source) if store is not None else None) or {}, self._local())

    @property
    def text(self) -> str | None:
        """The decoded text, read again each time (texts are not kept: a large tree's would
        stay in memory to the end of the scan); None when the file cannot be read or decoded."""
        return _read(self.source)[1]

    def looked(self, digest: str | None, facts: dict | None) -> None:
        """What a first look at the file (see _look) saw. No text comes back: a file that is
        summarised is read again by the worker that summarises it."""
        self.digest = digest
        known = self._store.known(self.source, digest) if self._store is not None and digest is not None else None
        if known is not None:  # the same content as when last seen: a touched file
            self.facts = self._shared({**known, **self.facts}, self._local())
        for name, value in (facts or {GATE: None, "tokens": None}).items():
            if name not in self.facts:
                self.learn(name, value)

    def _local(self) -> tuple[str, str]:
        """What only this file's facts hold: strings that start with its path or module name."""
        return self.source.rel_path, module_name(self.source.rel_path)

    def fact(self, name: str, compute):
        """The fact `name`: known, or compute(text) (None for a file that cannot be read)."""
        if name not in self.facts:
            text = self.text
            self.learn(name, None if text is None else compute(text))
        return self.facts[name]

    def learn(self, name: str, value) -> None:
        self.facts[name] = self._shared(value, self._local())
        self.learnt = True


def _first_look(files: list[_File], tokens: frozenset[str], gate: frozenset[str] | None, jobs: int,
                timeout_s: float, prefilter=None) -> None:
    """Read the files whose facts are not known and learn them (see _look), in workers when
    there are many. With a `gate`, the facts wanted are the gate's (the first look), else the
    tokens and import words of files that lack them."""
    wanted = GATE if gate is not None else "tokens"
    unknown = {f.source.rel_path: f for f in files if wanted not in f.facts}
    sources = [f.source for f in unknown.values()]
    chunks = (sources[i:i + LOOK_CHUNK] for i in range(0, len(sources), LOOK_CHUNK))
    limits = workers.Limits(timeout_s, memory_mb=None)  # reading and token search: no parse
    look = partial(_look, tokens=tokens, gate=gate, prefilter=prefilter)
    for looks in workers.run(chunks, look, _not_looked, jobs, limits, isolate=False):
        for rel_path, digest, facts in looks:
            unknown[rel_path].looked(digest, facts)


def _look(sources: list, tokens: frozenset[str], gate: frozenset[str] | None = None, prefilter=None) -> list[tuple]:
    """(path, content digest, facts) for each file; the facts None when the file cannot be read or
    decoded.

    The facts are the `tokens` found and the words of its import statements. With a `gate` (the
    project tokens, see rules_in_play), the gate tokens found come first (GATE), and only a file
    that shows one is searched further: in a project that never calls Vipps no file does, and
    the rest is never needed. Given the scan's `prefilter`, also whether the analysis has
    nothing to do in the file (PLAIN). The text does not come back (the parent keeps no texts)."""
    looks = []
    for source in sources:
        data, text, digest = _read(source)
        if text is None:
            looks.append((source.rel_path, digest, None))
            continue
        facts: dict = {}
        if gate is not None:
            facts[GATE] = shown = tokens_in(text, gate)
            if prefilter is not None:
                facts[PLAIN] = "keylint:" not in text and not prefilter.may_match(source.kind, data)
            if not shown and gate is not tokens:  # (the gate is all tokens when a rule has no project tokens)
                looks.append((source.rel_path, digest, facts))
                continue
        found = tokens_in(text, tokens) if gate is not tokens else facts[GATE]
        facts.update({"tokens": found, "import words": import_words(text)})
        looks.append((source.rel_path, digest, facts))
    return looks


def _not_looked(sources: list, reason: str) -> list[tuple]:
    """A worker died on these files: the project phase goes without them (analyse reads them again)."""
    return [(source.rel_path, None, None) for source in sources]


def _read(source) -> tuple[bytes | None, str | None, str | None]:
    """(bytes, text, content digest); text None when unreadable or undecodable."""
    try:
        data = read_bytes(source)
    except OSError:
        return None, None, None
    try:
        return data, decode(data, source.kind), content_digest(data)
    except ParseFailure:
        return data, None, content_digest(data)



def _tokens_of(rules: list) -> frozenset[str]:
    """Every prefilter and project token of `rules`."""
    groups = [r.screen.tokens for r in rules] + [r.screen.project_tokens for r in rules]
    return frozenset().union(*(g for g in groups if g is not None))


def _gate_of(rules: list) -> frozenset[str] | None:
    """The project tokens of `rules`, one of which must occur in the scan for any of them to
    fire; None when a rule has none (every file's tokens are needed then)."""
    groups = [r.screen.project_tokens for r in rules]
    return None if None in groups else frozenset().union(*groups)


def rules_in_play(rules: list, found: frozenset[str]) -> list:
    """The rules that can fire in a scan whose files hold the tokens `found`: a rule with
    project tokens needs one of them."""
    return [r for r in rules if r.screen.project_tokens is None or r.screen.project_tokens & found]


def _index(kind, files: list[_File], rules: list, run):
    """The index of the relevant files' summaries, then of their neighbours' too (see the module
    docstring). The first index tells which neighbours are wanted; when there are none, it is the
    scan's (one solve, not two)."""
    rule_ids = frozenset(r.id for r in rules)
    summaries = run([f for f in files if kind.relevant(f.facts["tokens"], rules)]) if rules else {}
    index = kind.build_index(summaries, rule_ids)
    if not summaries:
        return index
    wanted = _prefixes(kind.wanted(index))
    # Importers are followed only from modules with the rules' own tokens: following every
    # module that reads a request or sys.argv would summarise a whole framework.
    exporting = frozenset(module_name(path) for path, s in summaries.items() if s is not None and kind.exports(s))
    imports_one_of = _importer_test(exporting)
    neighbours = [
        f for f in files
        if f.source.rel_path not in summaries and (_is_wanted(f.source.rel_path, wanted) or imports_one_of(f))
    ]
    if not neighbours:
        return index
    del index  # the next one takes its place: not both in memory
    return kind.build_index({**summaries, **run(neighbours)}, rule_ids)


def _same_module(module: str, imported: str) -> bool:
    """`imported` (as written in an import) names `module` (named from its path)."""
    return bool(imported) and (module == imported or module.endswith("." + imported))


def _importer_test(modules: frozenset[str]):
    """A test of whether a file imports one of `modules` or a name from one of them: first by
    the words of its import statements (kept as a fact), then, rarely, by resolving them."""
    tails = frozenset(m.rpartition(".")[2] for m in modules)
    fact = "imports " + content_digest(",".join(sorted(modules)).encode())

    def imports_one_of(f: _File) -> bool:
        if not tails or not f.fact("import words", import_words) & tails:
            return False
        return bool(f.fact(fact, partial(_text_imports_one_of, f.source.rel_path, modules)))

    return imports_one_of


def _text_imports_one_of(rel_path: str, modules: frozenset[str], text: str) -> bool:
    from keylint.facts.names import Imports  # LibCST: only when a file may import a source

    imports = Imports(module_name(rel_path), rel_path.endswith("__init__.py"))
    imports.add_statements(text)
    return any(
        _same_module(m, name) or _same_module(m, name.rpartition(".")[0]) for m in modules for name in imports.modules
    )


def _prefixes(names) -> set[str]:
    """`a.b.c` -> {a, a.b, a.b.c}: an import may name a module or something inside one (a
    `glob:` entry, a pattern over module names, stays as it is)."""
    found = set()
    for name in names:
        if name.startswith(WANTED_GLOB):
            found.add(name)
            continue
        parts = name.split(".")
        found.update(".".join(parts[: i + 1]) for i in range(len(parts)))
    return found


def _is_wanted(rel_path: str, wanted: set[str]) -> bool:
    """Whether a wanted module (or something in it) is this file (matched on a dotted suffix)."""
    if not wanted:
        return False
    module = module_name(rel_path)
    parts = module.split(".")
    if any(fnmatch.fnmatchcase(module, w.removeprefix(WANTED_GLOB)) for w in wanted if w.startswith(WANTED_GLOB)):
        return True
    # A one-word suffix ("urls", "models") would match every such file in a large tree.
    return any(".".join(parts[i:]) in wanted for i in range(len(parts)) if i == 0 or len(parts) - i >= 2)


def _summarise_all(kind, files: list[_File], rules: list, key_types, jobs: int, limits: workers.Limits,
                   also=None, early: dict | None = None) -> dict:
    """{path: summary or None} for `files`: known facts, else computed (in workers when many);
    what also() gives for the files computed goes into `early`."""
    name = "summary " + ",".join(sorted(r.id for r in rules))
    todo = [f for f in files if name not in f.facts]
    if todo:
        import keylint.dataflow.intra  # noqa: F401 - load LibCST once, before workers fork

    by_path = {f.source.rel_path: f for f in files}
    work = partial(_summarise_one, kind, rules=rules, key_types=key_types, also=also)
    items = ((f.source, f.digest) for f in todo)
    for path, summary, settled, extra in workers.run(items, work, _failed, jobs, limits, name=_path_of,
                                                     grow_after=workers.FILES_PER_NEW_WORKER):
        if early is not None and extra is not None:
            early[path] = extra
        if settled:
            by_path[path].learn(name, summary)
        else:
            by_path[path].facts[name] = summary  # this scan only: the next one tries again
    return {f.source.rel_path: f.facts.get(name) for f in files}


def _summarise_one(kind, item: tuple, rules: list, key_types, also=None) -> tuple:
    """(path, summary, settled, also(parsed, text) or None) for the file, which the worker reads
    itself (the parent keeps no texts), given the content digest of the first look (None: not
    read then). The summary is None when the file cannot be parsed (analyse reports that). It is
    not settled, so not kept past this scan, when the file can no longer be read or changed since
    the first look: the facts learnt then are of other content."""
    source, digest = item
    _, text, now = _read(source)
    if text is None:
        return source.rel_path, None, False, None
    settled = digest is None or digest == now
    try:
        parsed = parse(source.rel_path, text, source.kind)
        summary = kind.summarise(parsed, rules, key_types)
    except (ParseFailure, RecursionError):
        return source.rel_path, None, settled, None
    return source.rel_path, summary, settled, also(parsed, text) if also is not None else None


def _path_of(item: tuple) -> str:
    return item[0].rel_path


def _failed(item: tuple, reason: str) -> tuple:
    """A worker crashed, timed out or ran out of memory on the file: no summary (the scan
    reports the file, and does not try it again in the analysis)."""
    return item[0].rel_path, None, False, None
