"""Models as data: what the Python ecosystem does, shared by every rule.

A model pack (`rules/models/*.yaml`, or an extra pack file whose top key is `model-pack`) names
models by label: where user input enters, what a merchant sees, what writes logs, what sends an
HTTP request and where its URL, headers, body and auth go, what reads configuration, what hides a
value. Each model lists the frameworks and libraries it covers with the patterns that model them,
so supporting a new framework is a YAML change. Rules reference models by label instead of
listing frameworks:

    sources:   - {labels: [user-input], model: user-input}
    sinks:     - {note: log message, model: log-output}
               - {note: MSN in the URL, model: http-request, role: url}
    calls, name_calls, exits, calls_through (anywhere):  calls: [{model: http-request}, extra.glob]
    settings:  {model: settings-object}

References are resolved before a rule is compiled: the engine only ever sees plain specs. A
source reference takes the union of its frameworks' patterns; a sink reference becomes one sink
per group of frameworks that watch the same arguments.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_ARGS = {"type": "array", "items": {"type": ["integer", "string"]},
         "description": "watched arguments: index, keyword, '*' (all positional), '**' (all keywords), 'receiver'"}
ROLES = ("url", "headers", "body", "auth")
_FIELDS = {
    "source": {
        "expressions": {**_STRINGS, "description": "globs over dotted expressions: flask.request.args"},
        "calls": {**_STRINGS, "description": "globs over callees whose result is the value"},
        "params": {
            "type": "object",
            "additionalProperties": False,
            "properties": {k: _STRINGS for k in ("decorators", "functions", "after", "exclude_names", "exclude_defaults",
                                                 "exclude_annotations")},
        },
    },
    "sink": {
        "calls": {**_STRINGS, "description": "globs over callees"},
        "args": _ARGS,
        "attributes_of": {**_STRINGS, "description": "globs over objects whose attribute stores are sinks"},
        "returns_from": {**_STRINGS, "description": "decorator globs of functions whose return value is a sink"},
        "returns_of": {**_STRINGS, "description": "globs over (qualified) names of functions whose return value is a sink"},
    },
    "settings": {
        "objects": {**_STRINGS, "description": "globs over objects whose attributes are the deployment's settings"},
        "modules": {**_STRINGS, "description": "globs over the names of settings modules (one per deployment)"},
    },
    "calls": {
        "calls": {**_STRINGS, "description": "globs over callees"},
        "roles": {
            "type": "object",
            "additionalProperties": False,
            "properties": {role: _ARGS for role in ROLES},
            "description": "where the call's URL, headers, body and auth go (for sinks with a `role`)",
        },
    },
}
_FRAMEWORK = {
    kind: {"type": "object", "additionalProperties": False, "required": ["name"], "minProperties": 2,
           "properties": {"name": {"type": "string", "minLength": 1}, **fields}}
    for kind, fields in _FIELDS.items()
}
MODEL_PACK_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["model-pack", "version", "models"],
    "properties": {
        "model-pack": {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]*$"},
        "version": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "models": {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z0-9][a-z0-9-]*$"},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["kind", "description", "frameworks"],
                "properties": {
                    "kind": {"enum": sorted(_FIELDS)},
                    "description": {"type": "string", "minLength": 1},
                    "frameworks": {"type": "array", "minItems": 1, "items": {"type": "object"}},
                },
                "allOf": [{"if": {"properties": {"kind": {"const": kind}}},
                           "then": {"properties": {"frameworks": {"items": schema}}}} for kind, schema in _FRAMEWORK.items()],
            },
        },
    },
}
_REF = {"type": "object", "additionalProperties": False, "required": ["model"],
        "properties": {"model": {"type": "string", "minLength": 1}}}
_MODEL_NAMES = {"oneOf": [{"type": "string", "minLength": 1}, {"type": "array", "minItems": 1, "items": {"type": "string"}}],
                "description": "the label (or labels) of models in the model packs"}


class ModelError(Exception):
    """A model pack or a reference to a model that cannot be used; `where` is the field path."""

    def __init__(self, message: str, where: list = ()):
        super().__init__(message)
        self.message, self.where = message, list(where)


@dataclass(frozen=True)
class Model:
    label: str
    kind: str
    description: str
    frameworks: tuple  # dicts: name plus patterns
    paths: tuple  # the model pack files that define it

    @property
    def names(self) -> tuple:
        return tuple(dict.fromkeys(f["name"] for f in self.frameworks))


@dataclass(frozen=True)
class ModelUse:
    """What a rule takes from one model, for its documentation: label, description, frameworks."""

    label: str
    description: str
    frameworks: tuple


def is_model_pack(data) -> bool:
    return isinstance(data, dict) and "model-pack" in data


def combine(packs: list, base: dict | None = None) -> dict:
    """label -> Model over (path, data) model packs in load order, on top of `base`; packs
    extend each other's models (a new framework in a user pack), of the same kind."""
    models: dict = dict(base or {})
    for path, data in packs:
        for label, raw in data["models"].items():
            old = models.get(label)
            if old is not None and old.kind != raw["kind"]:
                raise ModelError(f"{path}: model {label!r} is a {raw['kind']} model here but a {old.kind} model in {old.paths[0]}",
                                 ["models", label, "kind"])
            frameworks = (old.frameworks if old else ()) + tuple(raw["frameworks"])
            paths = (old.paths if old else ()) + (str(path),)
            models[label] = Model(label, raw["kind"], old.description if old else raw["description"], frameworks, paths)
    return models


def allow_references(spec_schema: dict) -> dict:
    """A copy of a taint spec schema that also accepts model references."""
    schema = copy.deepcopy(spec_schema)
    props = schema["properties"]
    for name in ("exits", "calls_through"):
        props[name] = _with_refs(props[name])
    for key in ("sources", "sinks", "sanitizers", "propagators"):
        item = props[key]["items"]
        for name in ("calls", "name_calls"):
            if name in item["properties"]:
                item["properties"][name] = _with_refs(item["properties"][name])
        if key in ("sources", "sinks"):
            item["properties"]["model"] = _MODEL_NAMES
    sink = props["sinks"]["items"]
    sink["properties"]["role"] = {"enum": list(ROLES), "description": "with a `calls` model: which arguments are watched"}
    sink["oneOf"] = [*sink["oneOf"], {"required": ["model"]}]
    props["sources"]["items"]["minProperties"] = 2
    props["settings"] = {"anyOf": [props["settings"], _REF]}
    return schema


def _with_refs(strings: dict) -> dict:
    return {**strings, "items": {"anyOf": [strings["items"], _REF]}}


def resolve(spec: dict, models: dict) -> tuple[dict, tuple]:
    """`spec` (a taint spec or its pack defaults) with every model reference replaced, and the
    ModelUses it made, by label."""
    used: dict = {}

    def model(label: str, where: list, kinds: tuple) -> Model:
        found = models.get(label)
        if found is None:
            raise ModelError(f"unknown model {label!r} (known: {', '.join(sorted(models)) or 'none'})", where)
        if found.kind not in kinds:
            raise ModelError(f"model {label!r} is a {found.kind} model; expected {' or '.join(kinds)}", where)
        used[label] = ModelUse(label, found.description, found.names)
        return found

    def calls(values: list, where: list) -> list:
        out: list = []
        for i, value in enumerate(values):
            if isinstance(value, dict):
                out += [c for f in model(value["model"], [*where, i], ("source", "sink", "calls")).frameworks for c in f.get("calls", ())]
            else:
                out.append(value)
        return list(dict.fromkeys(out))

    def item(raw: dict, where: list) -> dict:
        return {k: calls(v, [*where, k]) if k in ("calls", "name_calls") and isinstance(v, list) else v for k, v in raw.items()}

    out = {k: calls(v, [k]) if k in ("exits", "calls_through") else v
           for k, v in spec.items() if k not in ("sources", "sinks", "sanitizers", "propagators")}
    if "model" in spec.get("settings", {}):
        out["settings"] = _source(spec["settings"], lambda label: model(label, ["settings", "model"], ("settings",)))
    for key in ("sanitizers", "propagators"):
        if key in spec:
            out[key] = [item(raw, [key, i]) for i, raw in enumerate(spec[key])]
    if "sources" in spec:
        out["sources"] = [_source(item(raw, ["sources", i]), lambda label, w=["sources", i, "model"]: model(label, w, ("source",)))
                          for i, raw in enumerate(spec["sources"])]
    if "sinks" in spec:
        out["sinks"] = [sink for i, raw in enumerate(spec["sinks"])
                        for sink in _sinks(item(raw, ["sinks", i]), ["sinks", i], model)]
    return out, tuple(used[k] for k in sorted(used))


def _labels(raw: dict) -> list:
    value = raw["model"]
    return [value] if isinstance(value, str) else list(value)


def _source(raw: dict, model) -> dict:
    """A source reference: the union of its models' frameworks' patterns, then the rule's own."""
    if "model" not in raw:
        return raw
    merged: dict = {}
    for label in _labels(raw):
        for framework in model(label).frameworks:
            merged = _union(merged, {k: v for k, v in framework.items() if k != "name"})
    return _union(merged, {k: v for k, v in raw.items() if k != "model"})


def _union(a: dict, b: dict) -> dict:
    out = dict(a)
    for key, value in b.items():
        old = out.get(key)
        if isinstance(old, list) and isinstance(value, list):
            out[key] = list(dict.fromkeys(old + value))
        elif isinstance(old, dict) and isinstance(value, dict):
            out[key] = _union(old, value)
        else:
            out[key] = value
    return out


def _sinks(raw: dict, where: list, model) -> list:
    """A sink reference: one sink per group of frameworks watching the same arguments (the
    arguments of the sink's `role` for a `calls` model), with the rule's own settings."""
    import json  # here: loading compiled rules (every start) imports this module, compiling them is rarer

    if "model" not in raw:
        return [raw]
    own = {k: v for k, v in raw.items() if k not in ("model", "role")}
    role = raw.get("role")
    groups: dict = {}
    for label in _labels(raw):
        found = model(label, [*where, "model"], ("sink", "calls"))
        if (found.kind == "calls") != (role is not None) and "args" not in own:
            need = "a `role` (url, headers, body or auth)" if found.kind == "calls" else "no `role`"
            raise ModelError(f"model {label!r} is a {found.kind} model: a sink needs {need}", [*where, "model"])
        for framework in found.frameworks:
            shape = {k: v for k, v in framework.items() if k not in ("name", "calls", "roles")}
            if role is not None:
                shape["args"] = framework.get("roles", {}).get(role)
                if shape["args"] is None:
                    continue  # this library has no such part (e.g. no auth argument)
            group = groups.setdefault(json.dumps(shape, sort_keys=True), {**shape})
            if framework.get("calls"):
                group["calls"] = list(dict.fromkeys(group.get("calls", []) + framework["calls"]))
    return [{**group, **own} for group in groups.values()]
