"""The `template` kind: a template file (Jinja2, Django) prints a variable named like a key.

`{{ client_secret }}`, `{{ settings.VIPPS_SUBSCRIPTION_KEY }}`, `{{ config["CLIENT_ID"] }}`:
every dotted part and quoted subscript key of a printed expression is judged by the rule's
name regexes; a filter listed as safe (e.g. a masking filter) clears the expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from keylint.findings import Hit
from keylint.kinds.spec import FOLDED_PREFILTER_SCHEMA, compile_patterns, evidence_in, merge
from keylint.lines import position
from keylint.values import normalise_name

FILE_KINDS = ("template",)

_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_PROPERTIES = {
    "names": {**_STRINGS, "description": "regexes over normalised names (client_secret)"},
    "exclude_names": _STRINGS,
    "safe_filters": {**_STRINGS, "description": "filters after which the printed value is harmless (mask, length)"},
    "evidence": {**_STRINGS, "description": "regexes searched in the template (comments aside); without a match, "
                 "nothing is reported"},
    "prefilter": FOLDED_PREFILTER_SCHEMA,
}
SPEC_SCHEMA = {"type": "object", "additionalProperties": False, "required": ["names"], "properties": _PROPERTIES}
DEFAULTS_SCHEMA = {"type": "object", "additionalProperties": False, "properties": _PROPERTIES}

_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_PRINT = re.compile(r"\{\{(.*?)\}\}", re.S)
_QUOTED_KEY = re.compile(r"""\[\s*(['"])([A-Za-z_][\w-]*)\1\s*\]""")
_STRING = re.compile(r"""(['"]).*?\1""", re.S)
_CHAIN = re.compile(r"[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*")


@dataclass(frozen=True)
class TemplateSpec:
    names: tuple
    exclude_names: tuple
    safe_filters: frozenset
    prefilter: frozenset | None = None
    evidence: tuple = ()

    def matches(self, name: str) -> bool:
        normal = normalise_name(name)
        return any(p.search(normal) for p in self.names) and not any(p.search(normal) for p in self.exclude_names)


def merge_defaults(defaults: dict, own: dict) -> dict:
    return merge(defaults, own)


def compile_spec(raw: dict) -> TemplateSpec:
    return TemplateSpec(
        names=compile_patterns(raw.get("names", []), ["names"]),
        exclude_names=compile_patterns(raw.get("exclude_names", []), ["exclude_names"]),
        safe_filters=frozenset(raw.get("safe_filters", ())),
        prefilter=frozenset(raw["prefilter"]) if "prefilter" in raw else None,
        evidence=compile_patterns(raw.get("evidence", []), ["evidence"]),
    )


def prefilter_tokens(spec: TemplateSpec) -> frozenset[str] | None:
    """The spec's `prefilter` tokens (see keylint.prefilter); None when the pack gives none."""
    return spec.prefilter


def printed_names(expression: str) -> tuple[list[str], list[str]]:
    """(names used, filters applied) of one `{{ ... }}` expression."""
    parts = _QUOTED_KEY.sub(r".\2", expression).split("|")
    filters = [m.group(0) for part in parts[1:] for m in [_CHAIN.search(part)] if m]
    names = [name for chain in _CHAIN.findall(_STRING.sub("", parts[0])) for name in chain.split(".")]
    return names, filters


def check(rules, parsed, context) -> list[Hit]:
    text = _COMMENT.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group(0)), parsed.text)
    shown_by = {rule.spec.evidence: evidence_in(text, rule.spec.evidence) if rule.spec.evidence else "none needed"
                for rule in rules}
    rules = [rule for rule in rules if shown_by[rule.spec.evidence] is not None]
    hits = []
    for match in _PRINT.finditer(text):
        names, filters = printed_names(match.group(1))
        (line, column), (end_line, end_column) = position(text, match.start()), position(text, match.end())
        column, end_column = column + 1, end_column + 1
        for rule in rules:
            if any(f in rule.spec.safe_filters for f in filters):
                continue
            shown = next((n for n in names if rule.spec.matches(n)), None)
            if shown is not None:
                expression = " ".join(match.group(1).split())
                hits.append(Hit(rule=rule, line=line, column=column, end_line=end_line, end_column=end_column,
                                match_key=expression,
                                variables={"name": shown, "expression": expression, "evidence": shown_by[rule.spec.evidence]}))
    return hits
