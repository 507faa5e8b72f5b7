"""The `taint` kind: a value from a source reaching a sink, across functions and modules.

Sources, sinks, sanitizers and propagators come from the rule's YAML spec (see
keylint/dataflow/config.py for their meaning); keylint/dataflow does the analysis. Two phases:
`summarise()` each Python file of the scan, `build_index()` over all summaries (the project
phase), then `check()` each file against the index.
"""

from __future__ import annotations

from dataclasses import replace

from keylint.core.findings import FlowStep, Hit
from keylint.core.spec import merge
from keylint.dataflow.config import EngineConfig, compile_taint_spec
from keylint.dataflow.environments import worlds
from keylint.dataflow.labels import describe, evidence, holds
from keylint.facts.testfiles import is_test_path
from keylint.rules.kinds import NoIndex
from keylint.rules.tokens import tokens_in

FILE_KINDS = ("python",)
PROJECT_WIDE = True  # a hit may depend on other modules: diff scans analyse every file

_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_LABELS = {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": "^[a-z0-9][a-z0-9:_.*-]*$"}}
_SOURCE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["labels"],
    "minProperties": 2,
    "properties": {
        "labels": {**_LABELS, "description": "what the value is, e.g. user-input, secret, key:partner"},
        "expressions": {**_STRINGS, "description": "globs over dotted expressions: flask.request.args"},
        "calls": {**_STRINGS, "description": "globs over callees whose result is a source"},
        "names": {**_STRINGS, "description": "regexes over normalised names of variables, attributes, keys read"},
        "exclude_names": _STRINGS,
        "name_calls": {**_STRINGS, "description": "callees whose first literal argument names what they read (os.getenv)"},
        "stores": {**_STRINGS, "description": "regexes over dict keys: a value stored under one is a source"},
        "url": {**_STRINGS, "description": "for calls: regexes the URL argument's text ({} for variable parts) must match"},
        "at_key": {"oneOf": [{"type": "string", "minLength": 1}, _STRINGS],
                   "description": "for calls: the secret sits under this key (or each of these keys) of the result"},
        "evidence": {"type": "string", "minLength": 1,
                     "description": "the value counts only where the code shows this service (an `evidence` entry)"},
        "own": {"type": "boolean",
                "description": "the value is the requester's own record: what is read off it is theirs, so key names "
                               "on it are no source (request.merchant.vipps_credentials.client_secret)"},
        "literals": {**_STRINGS, "description": "regexes over string literals (f-strings with {} for variable parts), e.g. API paths"},
        "keys": {**_STRINGS, "description": "regexes over dict keys: a value stored under one, constants too, gets the labels"},
        "params": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "decorators": {**_STRINGS, "description": "all parameters of functions with such a decorator"},
                "functions": {**_STRINGS, "description": "all parameters of functions with such a name (lambda_handler)"},
                "after": {**_STRINGS, "description": "parameters that follow one of these (Django: request)"},
                "exclude_names": _STRINGS,
                "exclude_defaults": {**_STRINGS, "description": "callees of defaults that mark injected values (Depends)"},
                "exclude_annotations": {**_STRINGS, "description": "globs over annotation source text"},
            },
        },
    },
}
_UNDER = {"type": "array", "items": {"type": "string"},
          "description": "keywords or receiver attributes a value sits under ('' for positional arguments: the URL)"}
_LABEL_TEST = {
    "type": "object",
    "additionalProperties": False,
    "required": ["labels"],
    "properties": {"labels": _LABELS, "under": _UNDER},
}
_SINK = {
    "type": "object",
    "additionalProperties": False,
    "required": ["note"],
    "oneOf": [{"required": [k]} for k in ("calls", "stores", "attributes_of", "returns_from", "returns_of")],
    "properties": {
        "note": {"type": "string", "minLength": 1, "description": "what the sink is, shown in the flow"},
        "calls": {**_STRINGS, "description": "globs over callees"},
        "args": {"type": "array", "items": {"type": ["integer", "string"]},
                 "description": "watched arguments: index, keyword, '*' (all positional), '**' (all keywords), 'receiver'"},
        "keys": {**_STRINGS, "description": "the value must sit under a dict key matching one of these regexes"},
        "slot": {**_STRINGS, "description": "the value must be formatted right after text matching one of these regexes"},
        "url": {**_STRINGS, "description": "regexes the URL argument's text ({} for variable parts) must match"},
        "literals": {"type": "object", "additionalProperties": {"type": "string"},
                     "description": "argument index or keyword -> regex its literal string value must match"},
        "stores": {**_STRINGS, "description": "regexes over dict keys / item assignments that are sinks themselves"},
        "attributes_of": {**_STRINGS, "description": "globs over objects whose attribute stores are sinks"},
        "returns_from": {**_STRINGS, "description": "decorator globs of functions whose return value is a sink"},
        "returns_of": {**_STRINGS, "description": "globs over names or qualified names (Class.method) of functions "
                       "whose return value is a sink (resolve_*, *Serializer.get_*)"},
        "requires": {**_LABELS, "description": "labels of which a value needs one (default: the rule's source labels)"},
        "under": {**_UNDER, "description": "`requires` counts only for values under these keywords or receiver attributes"},
        "also": {"type": "array", "items": _LABEL_TEST, "description": "label tests that must hold too (the call as one request)"},
        "unless": {"type": "array", "items": _LABEL_TEST, "description": "label tests that silence the sink"},
    },
}
_SANITIZER = {
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {
        "labels": {**_LABELS, "description": "labels removed (default: the rule's source labels)"},
        "calls": {**_STRINGS, "description": "callees whose result is clean"},
        "mentions": {**_STRINGS, "description": "only when an argument or the receiver's text matches one of these globs"},
        "guards": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "calls": {**_STRINGS, "description": "if call(x): x is clean where the call is true"},
                "containers": {**_STRINGS, "description": "if x in <container>: globs over the container's text"},
                "attributes": {**_STRINGS, "description": "if obj.flag: what every sink in the branch sees is clean "
                               "(the flag decides which keys the code runs with: keys.is_merchant)"},
                "false_attributes": {**_STRINGS, "description": "the same for the branch where obj.flag is false"},
            },
        },
        "max_slice": {"type": "integer", "minimum": 0, "description": "x[:n] / x[-n:] with n at most this is clean"},
        "filters_naming": {**_STRINGS, "description": "a dict comprehension that filters out key names matching each of "
                           "these regexes clears a whole key set too (`{k: v ... if k not in SECRET_FIELDS}`)"},
    },
}
_PROPAGATOR = {
    "type": "object",
    "additionalProperties": False,
    "required": ["calls", "to"],
    "properties": {
        "calls": _STRINGS,
        "from": {"type": "array", "items": {"type": ["integer", "string"]},
                 "description": "arguments moved: index, keyword, '*' (all positional), '**' (all keywords)"},
        "to": {"enum": ["receiver", "return"], "description": "into the receiver object or the call's result"},
        "add": {**_LABELS, "description": "labels the moved value gains (e.g. a token request adds 'token')"},
        "url": {**_STRINGS, "description": "regexes the URL argument's text ({} for variable parts) must match"},
        "keep": {**_LABELS, "description": "only these labels move"},
        "at_key": {"type": "string", "minLength": 1, "description": "the moved value, out of any container, lands under this key"},
        "unless_mentions": {**_STRINGS, "description": "globs: not when an argument or the receiver's text matches one "
                            "(a lookup scoped to the logged-in user)"},
    },
}
_EVIDENCE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "names": {**_STRINGS, "description": "regexes over identifiers and strings that name the service"},
        "literals": {**_STRINGS, "description": "regexes over strings: the service's hosts, API paths, headers"},
        "weak": {**_STRINGS, "description": "regexes over strings another service shares: they count only where nothing is foreign"},
        "hosts": {**_STRINGS, "description": "regexes over URL hosts of the service; a URL of any other host is foreign"},
        "foreign": {**_STRINGS, "description": "regexes over strings that show another service (its token paths)"},
        "tokens": {**_STRINGS, "description": "lowercase substrings of which every marker contains one (a quick first test)"},
    },
}
_PROPERTIES = {
    "evidence": {"type": "object", "additionalProperties": _EVIDENCE,
                 "description": "named services; a source with `evidence: NAME` counts only in code that shows it"},
    "prefilter": {**_STRINGS, "description": "lowercase substrings; files containing none are skipped"},
    "project_prefilter": {**_STRINGS, "description": "lowercase substrings the rule's sinks (or sources) cannot do "
                          "without; when no Python file of the scan contains one, the rule sits the scan out"},
    "exits": {**_STRINGS, "description": "callees that never return (abort, sys.exit)"},
    "calls_through": {**_STRINGS, "description": "callees that call their receiver with their own arguments "
                      "(Celery's task.delay(a, b) runs task(a, b))"},
    "settings": {"type": "object", "additionalProperties": False,
                 "description": "the deployment's settings: `settings.X` is X of each settings module, per deployment",
                 "properties": {"objects": {**_STRINGS, "description": "globs over settings objects (django.conf.settings)"},
                                "modules": {**_STRINGS, "description": "globs over settings module names (*.settings.*)"}}},
    "sources": {"type": "array", "items": _SOURCE},
    "sinks": {"type": "array", "items": _SINK},
    "sanitizers": {"type": "array", "items": _SANITIZER},
    "propagators": {"type": "array", "items": _PROPAGATOR},
}
SPEC_SCHEMA = {"type": "object", "additionalProperties": False, "required": ["sinks"], "properties": _PROPERTIES}
DEFAULTS_SCHEMA = {"type": "object", "additionalProperties": False, "properties": _PROPERTIES}

_CONFIGS: dict = {}


def merge_defaults(defaults: dict, own: dict) -> dict:
    return merge(defaults, own)


def compile_spec(raw: dict):
    return compile_taint_spec(raw)


def prefilter_tokens(spec) -> frozenset | None:
    return spec.prefilter


def project_tokens(spec) -> frozenset | None:
    return spec.project_prefilter


def engine_config(rules, key_types=()) -> EngineConfig:
    """The merged configuration of `rules` and the declared key types ((name, type) pairs),
    each sink tagged with its rule id (cached)."""
    key_types = tuple(sorted(dict(key_types).items()))
    key = (tuple((r.id, id(r.spec)) for r in rules), key_types)
    config = _CONFIGS.get(key)
    if config is None:
        tagged = [replace(r, spec=replace(r.spec, sinks=tuple(replace(s, rule_id=r.id) for s in r.spec.sinks))) for r in rules]
        config = _CONFIGS[key] = EngineConfig.of(tagged, key_types)
    return config


def relevant(found: frozenset, rules) -> bool:
    """Whether a file holding the prefilter tokens `found` matters to one of `rules` (or one has no prefilter)."""
    return any(prefilter_tokens(r.spec) is None or prefilter_tokens(r.spec) & found for r in rules)


def relevant_text(text: str, rules) -> bool:
    """relevant() for a file's text, outside a scan's project phase."""
    return relevant(tokens_in(text, frozenset().union(*(prefilter_tokens(r.spec) or () for r in rules))), rules)


def summarise(parsed, rules, key_types=()):
    """The file's ModuleSummary: plain, picklable data."""
    from keylint.dataflow.intra import summarise_module  # LibCST only when Python is parsed

    return summarise_module(parsed.path, parsed.wrapper.module, parsed.positions, engine_config(rules, key_types), parsed.text)


def exports(summary) -> bool:
    """Whether the module itself produces a source that its importers may receive."""
    def has_source(taint: dict) -> bool:
        return any(origin[0] == "src" for origin, _ in taint)

    return any(has_source(t) for t in summary.globals.values()) or any(
        has_source(fs.returns) or any(has_source(t) for _, _, t in fs.field_stores)
        for fs in summary.functions.values()
    )


def wanted(index) -> set[str]:
    """Qualified names of what the index's modules call outside themselves such that
    summarising it could add a flow (keylint.dataflow.demand._Demand)."""
    from keylint.dataflow.demand import wanted_callees

    return wanted_callees(index)


def build_index(summaries: dict, rule_ids: frozenset | None = None):
    """The solved index; `rule_ids` are the rules in play in the scan (None: all)."""
    if rule_ids is not None and not rule_ids:
        return NoIndex()
    from keylint.dataflow.solve import ProjectIndex

    return ProjectIndex({path: s for path, s in summaries.items() if s is not None}, rule_ids)


def check(rules, parsed, context) -> list[Hit]:
    index = getattr(context, "project", None) or {}
    index = index.get("taint")
    if index is not None and index.rule_ids is not None:
        rules = [r for r in rules if r.id in index.rule_ids]  # the others cannot fire in this scan
    summary = index.summaries.get(parsed.path) if index is not None else None
    if not rules:
        return []
    if summary is None:
        if not relevant_text(parsed.text, rules):
            return []
        summary = summarise(parsed, rules, context.key_types)
        index = build_index({parsed.path: summary})
    sinks = {(s.rule_id, s.index): s for s in engine_config(rules, context.key_types).sinks}
    by_id = {r.id: r for r in rules}
    hits: dict = {}
    for fs in summary.functions.values():
        for event in fs.sinks:
            rule, sink = by_id.get(event.rule_id), sinks.get((event.rule_id, event.sink_index))
            if rule is None or sink is None:
                continue
            if event.key is not None and not sink.stores.search(index.slot_text(event.key) or "\0"):
                continue  # stored under another module's constant: its text decides
            concrete = index.concretize(event.taint, fs)
            if not context.is_test:
                concrete = _outside_tests(concrete)
            key = (rule.id, event.line, event.column)
            for world in worlds(concrete):  # the facts must meet in one deployment
                path = _best_path(world, sink, event, index.slot_text)
                if path is not None and key not in hits:
                    entry = _entry(path, parsed.path)
                    path += evidence(world, sink.also)
                    hits[key] = _hit(rule, sink, event, path, parsed.path, {**describe(world, sink.tests), "entry": entry})
    return [hits[k] for k in sorted(hits)]


def _outside_tests(concrete: dict) -> dict:
    """The facts whose flow never passes through a test file: in application code, what only a
    test passes (fake keys, the test host for a mocked client) is no finding."""
    return {key: path for key, path in concrete.items() if not any(is_test_path(step[0]) for step in path)}


def _best_path(concrete: dict, sink, event, slot_text) -> tuple | None:
    best = None
    for (origin, _), path in concrete.items():
        _, labels, keys, slot = origin
        if not labels & sink.requires or not sink.located(keys):
            continue
        if sink.keys and not (keys and sink.keys.search(keys[-1])):
            continue
        if sink.slot and not sink.slot.search(slot_text(slot) or "\0"):
            continue
        if sink.url and not sink.url.search(event.url or ""):
            continue
        if best is None or (len(path), path) < (len(best), best):
            best = path
    return best if best is None or holds(concrete, sink.also, sink.unless) else None


def _hit(rule, sink, event, path: tuple, file_path: str, labels: dict) -> Hit:
    flow = tuple(FlowStep(p, line, note) for p, line, note in path)
    flow += (FlowStep(file_path, event.line, f"{sink.note}: {event.code}"),)
    shown = [step for step in flow if step.note.startswith("evidence: ")]
    first = next(step for step in flow if not step.note.startswith("evidence: "))
    source = first.note.removeprefix("source: ")
    return Hit(
        rule=rule,
        line=event.line,
        column=event.column,
        end_line=event.end_line,
        end_column=event.end_column,
        match_key=f"{sink.note}|{event.code}|{source}",
        scope=event.scope,
        flow=flow,
        variables={**labels, "source": source, "source_line": first.line, "source_path": first.path, "sink": event.code,
                   "evidence": _evidence_text(shown[0], file_path) if shown else "none"},
    )


def _entry(path: tuple, file_path: str) -> str:
    """Where a cross-module flow comes in, for the message: the first call in another file that
    passes the value on toward the sink, else its source there ("" when all is in this file)."""
    outside = [(where, line, note) for where, line, note in path if where != file_path and not note.startswith("evidence: ")]
    call = next((s for s in outside if s[2].startswith("passed to ")), None)
    if call is not None:
        return f"reached from {call[0]}:{call[1]}"
    return f"source in {outside[0][0]}:{outside[0][1]}" if outside else ""


def _evidence_text(step, file_path: str) -> str:
    """`the string 'https://api.vipps.no' at vipps.py:3` (no path when it is the finding's file)."""
    where = f"line {step.line}" if step.path == file_path else f"{step.path}:{step.line}"
    return f"{step.note.removeprefix('evidence: ')} at {where}"
