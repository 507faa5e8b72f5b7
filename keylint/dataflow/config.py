"""The compiled form of `taint` rule specs, and the engine configuration of a rule set.

Callee and expression patterns are shell-style globs over dotted names (`*.session.post`,
`flask.request.args`), matched case-sensitively against both the written name and the name
with imports resolved. Name patterns are regexes over normalised names (`client_secret`).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field, replace

from keylint.core.spec import Pattern, compile_patterns
from keylint.core.values import normalise_name
from keylint.dataflow.evidence import EvidenceSpec, compile_evidence
from keylint.dataflow.labels import LabelTest, declared_names, label_test, located


class _Patterns:
    """Pattern lists compare and hash by their source text (sources dedupe across rules)."""

    texts: tuple = ()

    def __eq__(self, other) -> bool:
        return type(other) is type(self) and self.texts == other.texts

    def __hash__(self) -> int:
        return hash(self.texts)

    def __bool__(self) -> bool:
        return bool(self.texts)


_WILD = frozenset("*?[")


class Globs(_Patterns):
    """A list of glob patterns (case-sensitive), matched as fnmatch.fnmatchcase would.

    Nearly all are a dotted name, maybe with a `*` at one or both ends (`requests.post`,
    `*.session.post`, `settings.*`, `*mask*`): those are tested with set membership and string
    methods. Only the rest become one regex, compiled when first matched: compiling every
    model's globs cost a pre-commit run more than its analysis, in each worker.
    """

    def __init__(self, patterns=()):
        self.texts = self.patterns = tuple(patterns)
        exact, prefixes, suffixes, inner, other = set(), [], [], [], []
        for pattern in self.patterns:
            core = pattern.strip("*")
            if _WILD.intersection(core) or not core:
                other.append(pattern)
            elif pattern.startswith("*") and pattern.endswith("*") and len(pattern) >= len(core) + 2:
                inner.append(core)
            elif pattern.startswith("*"):
                suffixes.append(core)
            elif pattern.endswith("*"):
                prefixes.append(core)
            else:
                exact.add(pattern)
        self._exact, self._prefixes, self._suffixes, self._inner = frozenset(exact), tuple(prefixes), tuple(suffixes), tuple(inner)
        self._other = tuple(other)
        self._regex: Pattern | None = None

    def match(self, *names: str | None) -> bool:
        for name in names:
            if name is None:
                continue
            if (name in self._exact or name.startswith(self._prefixes) or name.endswith(self._suffixes)
                    or any(part in name for part in self._inner) or (self._other and self._match_other(name))):
                return True
        return False

    def _match_other(self, name: str) -> bool:
        if self._regex is None:
            self._regex = Pattern("|".join(f"(?:{fnmatch.translate(p)})" for p in self._other))
        return bool(self._regex.match(name))


class Regexes(_Patterns):
    """A list of regexes; `search` is true when any of them is found."""

    def __init__(self, patterns: tuple[re.Pattern, ...] = ()):
        self.patterns = patterns
        self.texts = tuple(p.pattern for p in patterns)

    def search(self, text: str | None) -> bool:
        return text is not None and any(p.search(text) for p in self.patterns)


@dataclass(frozen=True)
class ParamSource:
    decorators: Globs
    functions: Globs
    after: frozenset
    exclude_names: frozenset
    exclude_defaults: Globs
    exclude_annotations: Globs


@dataclass(frozen=True)
class Source:
    labels: frozenset
    expressions: Globs = field(default_factory=Globs)
    calls: Globs = field(default_factory=Globs)
    names: Regexes = field(default_factory=Regexes)
    exclude_names: Regexes = field(default_factory=Regexes)
    name_calls: Globs = field(default_factory=Globs)
    stores: Regexes = field(default_factory=Regexes)
    params: ParamSource | None = None
    url: Regexes = field(default_factory=Regexes)
    at_key: tuple = ()  # the secret sits under each of these keys of the result
    literals: Regexes = field(default_factory=Regexes)
    keys: Regexes = field(default_factory=Regexes)
    evidence: str | None = None  # counts only in code that shows this service
    own: bool = False  # the requester's own record: names read off it are no source

    def name_matches(self, name: str) -> bool:
        return self.names.search(name) and not self.exclude_names.search(name)


@dataclass(frozen=True)
class Sink:
    rule_id: str
    index: int
    requires: frozenset
    note: str
    calls: Globs = field(default_factory=Globs)
    args: tuple = ("*", "**")
    keys: Regexes = field(default_factory=Regexes)
    slot: Regexes = field(default_factory=Regexes)
    url: Regexes = field(default_factory=Regexes)
    literals: tuple = ()  # ((position, compiled regex), ...)
    stores: Regexes = field(default_factory=Regexes)
    attributes_of: Globs = field(default_factory=Globs)
    returns_from: Globs = field(default_factory=Globs)
    returns_of: Globs = field(default_factory=Globs)  # names or qualified names of functions
    under: frozenset | None = None
    also: tuple = ()  # LabelTests that must hold too
    unless: tuple = ()  # LabelTests that silence the sink

    @property
    def tests(self) -> tuple:
        """The label tests of the sink, its own `requires` first."""
        return (LabelTest(self.requires, self.under), *self.also)

    @property
    def whole_request(self) -> bool:
        """Whether the sink sees its call as one request (keywords under their names)."""
        return self.under is not None or bool(self.also or self.unless)

    def located(self, keys: tuple) -> bool:
        return located(keys, self.under)

    def selects(self, position) -> bool:
        """Whether the argument at `position` (index, keyword, "*" or "**") is watched."""
        if position in self.args:
            return True
        if isinstance(position, int):
            return "*" in self.args
        return "**" in self.args and position != "*"


@dataclass(frozen=True)
class Sanitizer:
    labels: frozenset
    calls: Globs = field(default_factory=Globs)
    mentions: Globs = field(default_factory=Globs)
    guard_calls: Globs = field(default_factory=Globs)
    guard_containers: Globs = field(default_factory=Globs)
    guard_attributes: Globs = field(default_factory=Globs)  # if obj.flag: every sink in the branch is clean
    guard_false_attributes: Globs = field(default_factory=Globs)  # else-branch of if obj.flag
    max_slice: int | None = None
    filters_naming: tuple = ()  # regexes: a filter of key names matching each clears a whole key set


@dataclass(frozen=True)
class Propagator:
    calls: Globs
    sources: tuple
    to: str
    add: frozenset
    url: Regexes = field(default_factory=Regexes)
    keep: frozenset = frozenset()  # only these labels move, out of any container
    at_key: str | None = None  # and land under this key of the result
    mentions: Globs = field(default_factory=Globs)  # not when an argument or the receiver mentions one of these


@dataclass(frozen=True)
class TaintSpec:
    """One rule's compiled spec."""

    sources: tuple
    sinks: tuple
    sanitizers: tuple
    propagators: tuple
    exits: Globs
    prefilter: frozenset | None
    calls_through: Globs = field(default_factory=Globs)
    project_prefilter: frozenset | None = None
    evidence: tuple = ()  # (name, EvidenceSpec) pairs
    settings_objects: Globs = field(default_factory=Globs)
    settings_modules: Globs = field(default_factory=Globs)


def _globs(raw: dict, key: str) -> Globs:
    return Globs(raw.get(key, ()))


def _regexes(raw: dict, key: str, where: list) -> Regexes:
    value = raw.get(key, ())
    if isinstance(value, str):
        value = [value]
    return Regexes(compile_patterns(list(value), [*where, key]))


def _source(raw: dict, where: list) -> Source:
    params = raw.get("params")
    return Source(
        labels=frozenset(raw["labels"]),
        expressions=_globs(raw, "expressions"),
        calls=_globs(raw, "calls"),
        names=_regexes(raw, "names", where),
        exclude_names=_regexes(raw, "exclude_names", where),
        name_calls=_globs(raw, "name_calls"),
        stores=_regexes(raw, "stores", where),
        url=_regexes(raw, "url", where),
        at_key=(raw["at_key"],) if isinstance(raw.get("at_key"), str) else tuple(raw.get("at_key", ())),
        literals=_regexes(raw, "literals", where),
        keys=_regexes(raw, "keys", where),
        evidence=raw.get("evidence"),
        own=bool(raw.get("own")),
        params=None if params is None else ParamSource(
            decorators=_globs(params, "decorators"),
            functions=_globs(params, "functions"),
            after=frozenset(params.get("after", ())),
            exclude_names=frozenset(params.get("exclude_names", ())),
            exclude_defaults=_globs(params, "exclude_defaults"),
            exclude_annotations=_globs(params, "exclude_annotations"),
        ),
    )


def _sink(raw: dict, where: list, rule_id: str, index: int, own_labels: frozenset) -> Sink:
    args = tuple(raw.get("args", ("*", "**")))
    return Sink(
        rule_id=rule_id,
        index=index,
        requires=frozenset(raw.get("requires", own_labels)),
        note=raw.get("note", "sink"),
        calls=_globs(raw, "calls"),
        args=args,
        keys=_regexes(raw, "keys", where),
        slot=_regexes(raw, "slot", where),
        url=_regexes(raw, "url", where),
        literals=tuple(
            (int(k) if k.isdigit() else k, compile_patterns([v], [*where, "literals", k])[0])
            for k, v in sorted(raw.get("literals", {}).items())
        ),
        stores=_regexes(raw, "stores", where),
        attributes_of=_globs(raw, "attributes_of"),
        returns_from=_globs(raw, "returns_from"),
        returns_of=_globs(raw, "returns_of"),
        under=None if raw.get("under") is None else frozenset(raw["under"]),
        also=tuple(label_test(t) for t in raw.get("also", ())),
        unless=tuple(label_test(t) for t in raw.get("unless", ())),
    )


def _sanitizer(raw: dict, own_labels: frozenset) -> Sanitizer:
    guards = raw.get("guards", {})
    return Sanitizer(
        labels=frozenset(raw.get("labels", own_labels)),
        calls=_globs(raw, "calls"),
        mentions=_globs(raw, "mentions"),
        guard_calls=_globs(guards, "calls"),
        guard_containers=_globs(guards, "containers"),
        guard_attributes=_globs(guards, "attributes"),
        guard_false_attributes=_globs(guards, "false_attributes"),
        max_slice=raw.get("max_slice"),
        filters_naming=compile_patterns(list(raw.get("filters_naming", ())), ["sanitizers", "filters_naming"]),
    )


def compile_taint_spec(raw: dict, rule_id: str = "") -> TaintSpec:
    sources = tuple(_source(s, ["sources", i]) for i, s in enumerate(raw.get("sources", ())))
    own = frozenset().union(*(s.labels for s in sources if not s.own)) if sources else frozenset()
    prefilter, project_prefilter = raw.get("prefilter"), raw.get("project_prefilter")
    return TaintSpec(
        sources=sources,
        sinks=tuple(_sink(s, ["sinks", i], rule_id, i, own) for i, s in enumerate(raw.get("sinks", ()))),
        sanitizers=tuple(_sanitizer(s, own) for s in raw.get("sanitizers", ())),
        propagators=tuple(
            Propagator(Globs(p["calls"]), tuple(p.get("from", ("*", "**"))), p["to"], frozenset(p.get("add", ())),
                       _regexes(p, "url", ["propagators", i]), frozenset(p.get("keep", ())), p.get("at_key"),
                       _globs(p, "unless_mentions"))
            for i, p in enumerate(raw.get("propagators", ()))
        ),
        exits=_globs(raw, "exits"),
        calls_through=_globs(raw, "calls_through"),
        prefilter=None if prefilter is None else frozenset(t.lower() for t in prefilter),
        project_prefilter=None if project_prefilter is None else frozenset(t.lower() for t in project_prefilter),
        evidence=tuple(sorted((name, compile_evidence(spec, ["evidence", name]))
                              for name, spec in raw.get("evidence", {}).items())),
        settings_objects=_globs(raw.get("settings", {}), "objects"),
        settings_modules=_globs(raw.get("settings", {}), "modules"),
    )


@dataclass(frozen=True)
class EngineConfig:
    """Everything the analysis applies at once, merged over the selected taint rules."""

    sources: tuple
    sinks: tuple
    sanitizers: tuple
    propagators: tuple
    exits: Globs
    evidence: dict = field(default_factory=dict)  # name -> EvidenceSpec
    calls_through: Globs = field(default_factory=Globs)
    settings_objects: Globs = field(default_factory=Globs)  # see keylint/dataflow/environments.py
    settings_modules: Globs = field(default_factory=Globs)

    @property
    def own_labels(self) -> frozenset:
        """Labels of the requester's own records (sources with `own`)."""
        return frozenset().union(*(s.labels for s in self.sources if s.own))

    @classmethod
    def of(cls, rules, key_types=()) -> "EngineConfig":
        """`key_types`: (name, type) pairs from the configuration; values read under such a
        name carry the label `key:<type>`."""
        specs = [rule.spec for rule in sorted(rules, key=lambda r: r.id)]

        def unique(items):
            return tuple(dict.fromkeys(items))

        declared = tuple(
            Source(labels=frozenset([label]), names=Regexes(compile_patterns([f"^(?:{'|'.join(sorted(names))})$"], ["key-types"])))
            for label, names in declared_names(key_types).items()
        )
        return cls(
            sources=unique([*declared, *(s for spec in specs for s in spec.sources)]),
            sinks=tuple(s for spec in specs for s in spec.sinks),
            sanitizers=unique(s for spec in specs for s in spec.sanitizers),
            propagators=unique(p for spec in specs for p in spec.propagators),
            exits=Globs(dict.fromkeys(p for spec in specs for p in spec.exits.patterns)),
            calls_through=Globs(dict.fromkeys(p for spec in specs for p in spec.calls_through.patterns)),
            settings_objects=Globs(dict.fromkeys(p for spec in specs for p in spec.settings_objects.patterns)),
            settings_modules=Globs(dict.fromkeys(p for spec in specs for p in spec.settings_modules.patterns)),
            evidence=_declared_evidence(dict(e for spec in specs for e in spec.evidence), key_types),
        )


def _declared_evidence(evidence: dict, key_types) -> dict:
    """Names declared in [tool.keylint.key-types] are Vipps names too: code that reads one shows Vipps."""
    spec = evidence.get("vipps")
    if spec is None or not key_types:
        return evidence
    names = sorted({normalise_name(name.rpartition(".")[2]) for name, _ in key_types})
    pattern = compile_patterns([f"(?i)^(?:{'|'.join(map(re.escape, names))})$"], ["key-types"])[0]
    tokens = {n.replace("_", "") for n in names} | set(names)
    declared = replace(spec, names=(*spec.names, pattern), tokens=spec.tokens | tokens)
    return {**evidence, "vipps": declared}

