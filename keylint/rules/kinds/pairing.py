"""The `pairing` kind: one configuration gives the same deployment partner keys and a host
they must not be sent to.

A config file (.env, YAML, TOML, INI, JSON) or a Python settings module (`python_files`; a
script that sends the keys is the data-flow rules' business) is reduced to name/value
bindings, each with the scope it sits in (a YAML mapping path, an INI section, a TOML table, a
Python `if`/`else` branch or class). A binding *configures keys* when its name (or its
section's and its own: `partner: {client_id: ...}`) says so and it holds any value or
reference (`VIPPS_PARTNER_CLIENT_ID=${VAULT_ID}`, `env("VIPPS_PARTNER_CLIENT_ID")`), or when a
switch holds one of the listed values (`VIPPS_KEYSET=partner`); a switch there that picks
another key set (`VIPPS_KEYSET=sandbox`) outweighs key names. A binding whose value matches
`hosts` (unless its name says it is a second, test-only host: TEST_API_BASE_URL) is reported
when such a key binding shares its deployment: its scope lies inside the other's, or the
other's inside its own. Sibling scopes (`staging:` and `production:`, two branches of an `if`)
are separate deployments.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

from keylint.core.findings import Hit
from keylint.core.spec import FOLDED_PREFILTER_SCHEMA, compile_patterns, merge
from keylint.core.values import normalise_name
from keylint.facts.bindings import Setting

FILE_KINDS = ("python", "env", "yaml", "json", "toml", "ini")

_REGEXES = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}
_PROPERTIES = {
    "keys": {**_REGEXES, "description": "regexes over normalised names (partner_client_id) whose binding to any "
             "non-empty value or reference configures the keys"},
    "selectors": {
        "type": "object",
        "additionalProperties": False,
        "required": ["names", "values"],
        "properties": {
            "names": {**_REGEXES, "description": "regexes over normalised names of key-set switches (vipps_keyset)"},
            "values": {**_REGEXES, "description": "full-match regexes (case-insensitive) of the values that pick the keys"},
        },
    },
    "hosts": {
        "type": "object",
        "additionalProperties": False,
        "required": ["values"],
        "properties": {
            "values": {**_REGEXES, "description": "regexes (searched) over a value: the host the keys must not go to"},
            "exclude_names": {**_REGEXES, "description": "regexes over normalised names of a second host kept beside "
                              "the deployment's own (test_api_base_url): never reported"},
        },
    },
    "python_files": {**_REGEXES, "description": "fnmatch patterns of the paths of Python settings modules "
                     "(default: every module)"},
    "prefilter": FOLDED_PREFILTER_SCHEMA,
}
SPEC_SCHEMA = {"type": "object", "additionalProperties": False, "required": ["keys", "hosts"], "properties": _PROPERTIES}
DEFAULTS_SCHEMA = {"type": "object", "additionalProperties": False, "properties": _PROPERTIES}


@dataclass(frozen=True)
class PairingSpec:
    keys: tuple[re.Pattern, ...]
    selector_names: tuple[re.Pattern, ...]
    selector_values: tuple[re.Pattern, ...]
    hosts: tuple[re.Pattern, ...]
    host_exclude_names: tuple[re.Pattern, ...]
    python_files: tuple[str, ...] = ("*",)
    prefilter: frozenset[str] | None = None

    def keys_named(self, name: str, value: str | None) -> bool:
        """Keys configured under their own name; `value` None is a reference (an expression)."""
        return (value is None or bool(value.strip())) and any(p.search(normalise_name(name)) for p in self.keys)

    def selects(self, name: str, value: str | None) -> bool | None:
        """Whether a key-set switch picks the keys (None: `name` is no switch, or its value is unknown)."""
        if value is None or not any(p.search(normalise_name(name)) for p in self.selector_names):
            return None
        return any(p.fullmatch(value.strip()) for p in self.selector_values)

    def is_host(self, name: str, value: str | None) -> bool:
        return (value is not None and any(p.search(value) for p in self.hosts)
                and not any(p.search(normalise_name(name)) for p in self.host_exclude_names))


def merge_defaults(defaults: dict, own: dict) -> dict:
    return merge(defaults, own)


def compile_spec(raw: dict) -> PairingSpec:
    selectors = raw.get("selectors", {})
    return PairingSpec(
        keys=compile_patterns(raw["keys"], ["keys"]),
        selector_names=compile_patterns(selectors.get("names", []), ["selectors", "names"]),
        selector_values=compile_patterns(selectors.get("values", []), ["selectors", "values"], re.I),
        hosts=compile_patterns(raw["hosts"]["values"], ["hosts", "values"]),
        host_exclude_names=compile_patterns(raw["hosts"].get("exclude_names", []), ["hosts", "exclude_names"]),
        python_files=tuple(raw.get("python_files", ("*",))),
        prefilter=frozenset(raw["prefilter"]) if "prefilter" in raw else None,
    )


def prefilter_tokens(spec: PairingSpec) -> frozenset[str] | None:
    """The spec's `prefilter` tokens (see keylint.pipeline.prefilter); None when the pack gives none."""
    return spec.prefilter


def check(rules, parsed, context) -> list[Hit]:
    """A host binding, for each rule whose keys are configured in the same deployment."""
    if parsed.kind == "python":
        rules = [r for r in rules if any(fnmatch.fnmatchcase(parsed.path, p) for p in r.spec.python_files)]
    settings = _settings(parsed) if rules else []
    hits = []
    for rule in rules:
        hosts: dict[tuple[int, int], Setting] = {}  # a k8s env item is both NAME=value and value:
        for setting in settings:
            if rule.spec.is_host(setting.name, setting.value):
                hosts.setdefault((setting.line, setting.column), setting)
        for host in hosts.values():
            paired = _keys_for(rule.spec, [s for s in settings if _same_deployment(s.scope, host.scope)])
            if paired is not None:
                hits.append(Hit(rule=rule, line=host.line, column=host.column, end_line=host.end_line,
                                end_column=host.end_column, match_key=f"{host.name}->{paired.name}",
                                scope=".".join(host.scope),
                                variables={"name": host.name, "source": paired.name, "source_line": paired.line}))
    return hits


def _keys_for(spec: PairingSpec, settings: list[Setting]) -> Setting | None:
    """The setting that gives a deployment the keys: a switch that picks them, else (when no
    switch there picks another key set) a key under its own name."""
    switches = [(s, spec.selects(s.name, s.value)) for s in settings]
    picked = next((s for s, picks in switches if picks), None)
    if picked is not None or any(picks is False for _, picks in switches):
        return picked
    return next((s for s in settings if spec.keys_named(s.qualified, s.value)), None)


def _same_deployment(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    shorter = min(len(one), len(other))
    return one[:shorter] == other[:shorter]


def _settings(parsed) -> list[Setting]:
    if parsed.kind != "python":
        return [Setting(b.name, b.value, b.line, b.column, b.end_line, b.end_column,
                        tuple(b.scope.split(".")) if b.scope else ()) for b in parsed.bindings]
    if parsed.line_based:
        return []
    from keylint.facts.python_settings import module_settings

    return module_settings(parsed)
