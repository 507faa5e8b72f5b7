"""Loading YAML rule packs: safe parsing, schema validation with file/line/field errors, merging."""

from __future__ import annotations

import copy
import os
import pickle
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from keylint.core.findings import PITFALLS
from keylint.core.spec import trusted_patterns
from keylint.rules.kinds import KINDS, SpecError
from keylint.shipped_rules import FOLDER as SHIPPED
from keylint.services.cache import content_digest, file_digest, files_digest, load_cached

if TYPE_CHECKING:
    import jsonschema
    import yaml

# Compiling packs needs keylint.rules.models (and json, jsonschema, yaml); loading compiled ones
# from the cache needs none of them, so they are imported where packs are compiled.

PACK_SUFFIXES = (".yaml", ".yml")
# Paths are str, not pathlib.Path: pathlib (with urllib.parse and ipaddress) costs every run ~4 ms.


class PackError(Exception):
    """A rule pack that cannot be used; the message names file, line and field."""


@dataclass(frozen=True)
class Screen:
    """What the pipeline asks of a rule before it parses a file, answered without loading the
    rule's kind or compiled spec (see keylint.rules.kinds): the file kinds the rule reads, the
    tokens one of which a file must hold for it to fire (keylint.pipeline.prefilter), the tokens
    one of which the project must hold (keylint.pipeline.project), and whether its kind has a
    project phase and makes a file's findings depend on other files. None: no such test."""

    file_kinds: tuple[str, ...]
    tokens: frozenset[str] | None
    project_tokens: frozenset[str] | None = None
    project_phase: bool = False
    project_wide: bool = False


@dataclass(frozen=True)
class Rule:
    """One rule, with its kind-specific detection spec already compiled.

    Pickled (the compiled-packs cache, keylint.services.cache) with its spec and models apart,
    as bytes, unpickled when first used: loading the rules, which every run does, then needs none
    of the kinds' engine classes."""

    id: str
    name: str
    pitfall: str
    severity: str
    confidence: str
    message: str
    docs: dict
    kind: str
    spec: Any
    examples: dict
    pack: str
    pack_path: str
    screen: Screen
    tags: tuple[str, ...] = field(default=())
    autofix: dict | None = None  # `keylint fix` can rewrite its findings (keylint/cli/fix.py)
    models: tuple = ()  # keylint.rules.models.ModelUse: the ecosystem models its spec references
    model_paths: tuple[str, ...] = ()  # the model pack files those come from

    def __getstate__(self) -> dict:
        state = {name: value for name, value in self.__dict__.items() if name not in _LAZY}
        if _LAZY[0] in self.__dict__:
            state[_PICKLED] = pickle.dumps([getattr(self, name) for name in _LAZY], pickle.HIGHEST_PROTOCOL)
        return state

    def __getattr__(self, name: str):
        """The spec and models of a rule from the cache, unpickled on first use (see __getstate__)."""
        if name not in _LAZY or _PICKLED not in self.__dict__:
            raise AttributeError(name)
        for field_name, value in zip(_LAZY, pickle.loads(self.__dict__.pop(_PICKLED))):
            object.__setattr__(self, field_name, value)
        return self.__dict__[name]


_LAZY = ("spec", "models")
"""The fields a cached rule unpickles on first use: their classes are the kinds' (keylint.rules.kinds)
and the model packs' (keylint.rules.models), which a scan that parses nothing never imports."""
_PICKLED = "_pickled"


@lru_cache(maxsize=1)
def pack_schema() -> dict:
    """The pack schema: the shared rule shape plus each kind's spec schema."""
    with open(os.path.join(os.path.dirname(__file__), "schema", "pack.schema.json"), encoding="utf-8") as handle:
        text = handle.read()
    import json

    from keylint.rules.models import allow_references

    schema = json.loads(text)
    rule = schema["$defs"]["rule"]
    rule["properties"]["pitfall"]["enum"] = list(PITFALLS)
    rule["properties"]["kind"]["enum"] = sorted(KINDS)
    for name, kind in sorted(KINDS.items()):
        schema["$defs"][f"{name}Spec"] = allow_references(kind.SPEC_SCHEMA) if name == "taint" else kind.SPEC_SCHEMA
        schema["properties"]["defaults"]["properties"][name] = (
            allow_references(kind.DEFAULTS_SCHEMA) if name == "taint" else kind.DEFAULTS_SCHEMA)
        rule["properties"][name] = {"$ref": f"#/$defs/{name}Spec"}
        rule["allOf"].append(
            {"if": {"properties": {"kind": {"const": name}}}, "then": {"required": [name]}}
        )
    return schema


def shipped_model_paths() -> list[str]:
    """The model packs installed with keylint (`rules/models/`)."""
    return _packs_in(os.path.join(SHIPPED, "models"))


def shipped_pack_paths() -> list[str]:
    """The packs installed with keylint (top-level `rules/` in the source tree)."""
    return _packs_in(SHIPPED)


def _packs_in(folder: str) -> list[str]:
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(PACK_SUFFIXES))


def expand_pack_paths(paths: list[str | os.PathLike]) -> list[str]:
    """Files stay as given; folders contribute their `*.yaml`/`*.yml` files, sorted."""
    result: list[str] = []
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            result.extend(_packs_in(path))
        elif os.path.isfile(path):
            result.append(path)
        else:
            raise PackError(f"{path}: rule pack not found")
    return result


def pack_paths(extra: list[str | os.PathLike] = (), include_shipped: bool = True) -> list[str]:
    """The pack files to load, in load order: the shipped model packs (always: rules in any pack
    may reference them), the shipped rule packs, then `extra`."""
    return shipped_model_paths() + (shipped_pack_paths() if include_shipped else []) + expand_pack_paths(list(extra))


def load_rules(extra: list[str | os.PathLike] = (), include_shipped: bool = True) -> list[Rule]:
    """All rules from the shipped packs and `extra` pack files or folders; ids must be unique.
    Model packs among `extra` extend the shipped models for every pack's rules."""
    from keylint.rules.models import MODEL_PACK_SCHEMA, ModelError, combine, is_model_pack

    parsed = [(path, *_read(path)) for path in expand_pack_paths(list(extra))]
    extra_models = [item for item in parsed if is_model_pack(item[2])]
    for path, root, data in extra_models:
        _validate(path, data, root, MODEL_PACK_SCHEMA)
    try:
        models = combine([(path, data) for path, _, data in extra_models], shipped_models())
    except ModelError as exc:
        raise PackError(str(exc)) from exc
    packs = [(path, *_read(path), shipped_checked()) for path in (shipped_pack_paths() if include_shipped else [])]
    packs += [(*item, False) for item in parsed if not is_model_pack(item[2])]
    rules: list[Rule] = []
    owner: dict[str, str] = {}
    for path, root, data, checked in packs:  # with extra model packs, a shipped rule is compiled as any other
        for rule in _load(path, root, data, models, checked, trusted=checked and not extra_models):
            if rule.id in owner:
                raise PackError(f"{path}: rule id {rule.id} is already defined in {owner[rule.id]}")
            owner[rule.id] = str(path)
            rules.append(rule)
    return rules


def load_rules_cached(extra: list, directory: str, include_shipped: bool = True) -> list:
    """load_rules, but a pack set seen before is unpickled instead of parsed and validated."""
    paths = pack_paths(extra, include_shipped)
    return load_cached(directory, "rules", (files_digest(paths), *map(str, paths)),
                       lambda value: isinstance(value, list) and all(isinstance(r, Rule) for r in value),
                       lambda: load_rules(extra, include_shipped))


@lru_cache(maxsize=1)
def shipped_models() -> dict:
    """The shipped model packs, read with the packs' own safe parse and schema check."""
    from keylint.rules.models import MODEL_PACK_SCHEMA, combine

    return combine([(path, read_pack(path, MODEL_PACK_SCHEMA, shipped_checked())[1]) for path in shipped_model_paths()])


CHECKED_DIGEST = "schema-checked.sha256"
"""The file beside the shipped packs holding shipped_digest() as the test suite last saw it
valid (tests/test_packs.py keeps it current). While it matches, the shipped packs are loaded
without the schema check (importing and running jsonschema costs a tenth of a cold scan) and
their regexes are compiled when first used, not to check them. An install whose packs or
schemas were edited is checked in full."""


@lru_cache(maxsize=1)
def shipped_checked() -> bool:
    """Whether the shipped packs and schemas are those the test suite validated."""
    try:
        with open(os.path.join(SHIPPED, CHECKED_DIGEST), encoding="ascii") as handle:
            recorded = handle.read()
    except (OSError, UnicodeDecodeError):
        return False
    return recorded.strip() == shipped_digest()


def shipped_digest() -> str:
    """Digest of the shipped packs (names and contents) and of the schemas they are checked against."""
    import json

    from keylint.rules.models import MODEL_PACK_SCHEMA

    schemas = json.dumps([pack_schema(), MODEL_PACK_SCHEMA], sort_keys=True)
    files = [f"models/{os.path.basename(p)}:{file_digest(p)}" for p in shipped_model_paths()]
    files += [f"{os.path.basename(p)}:{file_digest(p)}" for p in shipped_pack_paths()]
    return content_digest("\n".join([schemas, *files]).encode())


def load_pack(path: str | os.PathLike, models: dict | None = None) -> list[Rule]:
    """Parse, validate and compile one pack file, its model references resolved against
    `models` (default: the shipped models)."""
    return _load(path, *_read(path), models)


def read_pack(path: str, schema: dict, checked: bool = False) -> tuple[yaml.Node | None, Any]:
    """One pack file parsed and checked against `schema` (unless already `checked`)."""
    root, data = _read(path)
    if not checked:
        _validate(path, data, root, schema)
    return root, data


def _load(path: str | os.PathLike, root, data, models: dict | None, checked: bool = False,
          trusted: bool = False) -> list[Rule]:
    """The pack's rules, compiled. A `checked` pack (shipped, validated by the test suite) is not
    checked against the schema again; a `trusted` one (checked, with the shipped models only) nor
    by compiling its regexes now: they compile when first used."""
    if not checked:
        _validate(path, data, root, pack_schema())
    if not trusted:
        return _compile_all(path, root, data, models)
    with trusted_patterns():
        return _compile_all(path, root, data, models)


def _compile_all(path: str | os.PathLike, root, data, models: dict | None) -> list[Rule]:
    models = shipped_models() if models is None else models
    return [_compile_rule(path, root, data, index, models) for index in range(len(data["rules"]))]


def _read(path: str | os.PathLike) -> tuple[yaml.Node | None, Any]:
    import yaml  # with yamlsafe: only when a pack is read, not when the compiled rules come from the cache

    from keylint.core import yamlsafe

    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc}") from exc
    try:
        root, data = yamlsafe.load(text, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except RecursionError as exc:
        raise PackError(f"{path}: invalid YAML: nested too deeply to read") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise PackError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    return root, data


def _validate(path: str, data: Any, root: yaml.Node | None, schema: dict) -> None:
    import jsonschema  # slow to import; a cached rule set (keylint.services.cache) never needs it

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        raise PackError("\n".join(_describe(path, root, error) for error in errors))


def _describe(path: str, root: yaml.Node | None, error: jsonschema.ValidationError) -> str:
    from keylint.core import yamlsafe

    where = list(error.absolute_path)
    message = yamlsafe.brief(error.message)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        unknown = sorted(str(k) for k in error.instance if k not in known)
        where.append(unknown[0])
        message = f"unknown field {unknown[0]!r} (expected one of: {', '.join(sorted(known))})"
    elif error.validator == "oneOf" and all(list(sub) == ["required"] for sub in error.validator_value):
        message = f"needs exactly one of the fields {', '.join(f[0] for f in (s['required'] for s in error.validator_value))}"
    elif error.validator == "enum":
        message = f"{yamlsafe.brief(repr(error.instance), 80)} is not one of {error.validator_value}"
    return f"{path}:{_line_of(root, where)}: {_field_path(where) or '<pack>'}: {message}"


def _compile_rule(path: str, root: yaml.Node, data: dict, index: int, models: dict) -> Rule:
    from keylint.rules.models import ModelError, resolve

    raw = data["rules"][index]
    kind = KINDS[raw["kind"]]
    merged = kind.merge_defaults(copy.deepcopy((data.get("defaults") or {}).get(raw["kind"], {})), raw[raw["kind"]])
    used = ()
    try:
        autofix = _autofix(raw.get("autofix"), merged)
    except SpecError as exc:
        where = ["rules", index, *exc.where]
        raise PackError(f"{path}:{_line_of(root, where)}: {_field_path(where)}: {exc.message}") from exc
    try:
        if raw["kind"] == "taint":
            merged, used = resolve(merged, models)
        spec = kind.compile_spec(merged)
    except (SpecError, ModelError) as exc:
        where = ["rules", index, raw["kind"], *exc.where]
        raise PackError(f"{path}:{_line_of(root, where)}: {_field_path(where)}: {exc.message}") from exc
    return Rule(
        id=raw["id"],
        name=raw["name"],
        pitfall=raw["pitfall"],
        severity=raw["severity"],
        confidence=raw["confidence"],
        message=raw["message"],
        docs=raw["docs"],
        kind=raw["kind"],
        spec=spec,
        examples=raw["examples"],
        pack=data["pack"],
        pack_path=str(path),
        screen=_screen(kind, spec),
        autofix=autofix,
        models=used,
        model_paths=tuple(sorted({p for use in used for p in models[use.label].paths})),
    )


def _screen(kind, spec) -> Screen:
    """A rule's Screen, from its kind's hooks on its compiled spec."""
    tokens = getattr(kind, "prefilter_tokens", lambda _: None)(spec)
    project_tokens = getattr(kind, "project_tokens", lambda _: None)(spec)
    return Screen(tuple(kind.FILE_KINDS), None if tokens is None else frozenset(tokens),
                  None if project_tokens is None else frozenset(project_tokens),
                  hasattr(kind, "summarise"), getattr(kind, "PROJECT_WIDE", False))


def _autofix(autofix: dict | None, spec: dict) -> dict | None:
    """The rule's `autofix` block; a mask fix also gets `mask_notes`, the notes of the sinks it
    masks (what a finding's last flow step starts with), and may name only the rule's own sinks."""
    if not autofix or "mask" not in autofix:
        return autofix
    notes = {s.get("model"): s["note"] for s in spec.get("sinks", ()) if isinstance(s, dict)}
    for i, model in enumerate(autofix["mask"]):
        if model not in notes:
            raise SpecError(["autofix", "mask", i],
                            f"{model!r} is not a sink model of this rule (its sink models: {', '.join(sorted(filter(None, notes)))})")
    return {**autofix, "mask_notes": sorted(notes[m] for m in autofix["mask"])}


def _field_path(parts: list) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(root: yaml.Node | None, parts: list) -> int:
    """1-based line of the YAML node at `parts`, or of the deepest node that exists on the way."""
    import yaml

    node = root
    line = node.start_mark.line + 1 if node is not None else 1
    for part in parts:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == str(part):
                    child = key if part is parts[-1] else value
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line
