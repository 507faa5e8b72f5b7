"""The `secret` kind: a literal value bound to a key-like name, judged by its shape.

Everything that says what a key is called, what it looks like and what a placeholder looks
like comes from the rule's YAML spec; this module only applies it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
import io
import tokenize
from functools import cached_property, lru_cache

from keylint.core.findings import CONFIDENCES, Hit
from keylint.core.spec import FOLDED_PREFILTER_SCHEMA, compile_patterns, evidence_in, merge
from keylint.core.values import normalise_name, redact, sequential_ratio, shannon_entropy
from keylint.facts.bindings import Binding, CallPair
from keylint.rules.tokens import fold, tokens_of

FILE_KINDS = ("python", "env", "yaml", "json", "toml", "ini")

_REGEX_LIST = {"type": "array", "items": {"type": "string"}}
_PROPERTIES = {
    "names": {**_REGEX_LIST, "description": "regexes searched in the normalised name (client_secret)"},
    "exclude_names": {**_REGEX_LIST, "description": "names matching any of these are never secrets"},
    "placeholders": {**_REGEX_LIST, "description": "values matching any of these (searched) are not secrets"},
    "calls": {
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["callee", "name_arg"],
            "properties": {
                "callee": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                "name_arg": {"type": "integer", "minimum": 0},
                "value_arg": {"type": "integer", "minimum": 0},
                "value_kwarg": {"type": "string"},
            },
        },
    },
    "value": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "shapes": {**_REGEX_LIST, "description": "full-match regexes of the documented format"},
            "require_shape": {"type": "boolean"},
            "confidence_without_shape": {"enum": list(CONFIDENCES)},
            "min_length": {"type": "integer", "minimum": 1},
            "max_length": {"type": "integer", "minimum": 1},
            "min_entropy": {"type": "number", "minimum": 0},
            "must_match": {**_REGEX_LIST, "description": "regexes a shapeless value must all contain"},
            "max_sequential_ratio": {"type": "number", "minimum": 0, "maximum": 1},
        },
    },
    "evidence": {**_REGEX_LIST, "description": "regexes searched in the file's text (Vipps hosts, paths, headers, "
                 "names); a file without a match gets no finding from the rule"},
    "shape_is_evidence": {"type": "boolean", "description": "a value of the documented shape needs no other evidence"},
    "severity_in_tests": {"enum": ["low", "medium", "high", "critical"]},
    "files": {"type": "array", "items": {"enum": list(FILE_KINDS)}},
    "prefilter": FOLDED_PREFILTER_SCHEMA,
}
SPEC_SCHEMA = {"type": "object", "additionalProperties": False, "required": ["names", "value"], "properties": _PROPERTIES}
DEFAULTS_SCHEMA = {"type": "object", "additionalProperties": False, "properties": _PROPERTIES}


@dataclass(frozen=True)
class SecretSpec:
    names: tuple[re.Pattern, ...]
    exclude_names: tuple[re.Pattern, ...]
    placeholders: tuple[re.Pattern, ...]
    calls: tuple[CallPair, ...]
    shapes: tuple[re.Pattern, ...]
    require_shape: bool
    confidence_without_shape: str
    min_length: int
    max_length: int
    min_entropy: float
    must_match: tuple[re.Pattern, ...]
    max_sequential_ratio: float
    severity_in_tests: str | None
    files: tuple[str, ...]
    prefilter: frozenset[str] | None
    evidence: tuple[re.Pattern, ...] = ()
    shape_is_evidence: bool = False

    def names_match(self, name: str) -> bool:
        return any(p.search(name) for p in self.names) and not any(p.search(name) for p in self.exclude_names)

    def shaped(self, value: str) -> bool:
        return any(p.fullmatch(value) for p in self.shapes)

    def judge(self, value: str, confidence: str) -> str | None:
        """The confidence that `value` is a real secret, or None if it is not one."""
        if not self.min_length <= len(value) <= self.max_length or value != value.strip():
            return None
        if any(p.search(value) for p in self.placeholders):
            return None
        if sequential_ratio(value) > self.max_sequential_ratio:
            return None
        if self.shaped(value):
            return confidence
        if self.require_shape:
            return None
        if shannon_entropy(value) < self.min_entropy or not all(p.search(value) for p in self.must_match):
            return None
        return self.confidence_without_shape


def merge_defaults(defaults: dict, own: dict) -> dict:
    return merge(defaults, own)


def compile_spec(raw: dict) -> SecretSpec:
    value = raw.get("value", {})
    return SecretSpec(
        names=compile_patterns(raw.get("names", []), ["names"]),
        exclude_names=compile_patterns(raw.get("exclude_names", []), ["exclude_names"]),
        placeholders=compile_patterns(raw.get("placeholders", []), ["placeholders"]),
        calls=tuple(
            CallPair(tuple(c["callee"]), c["name_arg"], c.get("value_arg"), c.get("value_kwarg"))
            for c in raw.get("calls", [])
        ),
        shapes=compile_patterns(value.get("shapes", []), ["value", "shapes"]),
        require_shape=value.get("require_shape", False),
        confidence_without_shape=value.get("confidence_without_shape", "low"),
        min_length=value.get("min_length", 8),
        max_length=value.get("max_length", 200),
        min_entropy=value.get("min_entropy", 3.0),
        must_match=compile_patterns(value.get("must_match", []), ["value", "must_match"]),
        max_sequential_ratio=value.get("max_sequential_ratio", 0.6),
        severity_in_tests=raw.get("severity_in_tests"),
        files=tuple(raw.get("files", FILE_KINDS)),
        prefilter=frozenset(raw["prefilter"]) if "prefilter" in raw else None,
        evidence=compile_patterns(raw.get("evidence", []), ["evidence"]),
        shape_is_evidence=raw.get("shape_is_evidence", False),
    )


def prefilter_tokens(spec: SecretSpec) -> frozenset[str] | None:
    """The spec's `prefilter` tokens (see keylint.pipeline.prefilter); None when the pack gives none."""
    return spec.prefilter


def python_bindings(parsed, rules) -> list[Binding]:
    """The bindings in a Python file that some rule's names and value checks accept."""
    from keylint.facts.python_bindings import PythonBindingCollector

    @lru_cache(maxsize=None)
    def wanted_name(name: str) -> bool:
        name = normalise_name(name)
        return any(r.spec.names_match(name) for r in rules)

    def keep(name: str, value: str) -> bool:
        return bool(_verdicts(rules, name, value))

    pairs = tuple(dict.fromkeys(pair for rule in rules for pair in rule.spec.calls))
    collector = PythonBindingCollector(pairs, keep, wanted_name)
    collector.walk(parsed.wrapper.module)
    return collector.bindings(parsed)


def _verdicts(rules, name: str, value: str) -> list[tuple]:
    """(rule, confidence) for every rule that takes `value` bound to `name` for a secret."""
    name = normalise_name(name)
    verdicts = []
    for rule in rules:
        if rule.spec.names_match(name):
            confidence = rule.spec.judge(value, rule.confidence)
            if confidence is not None:
                verdicts.append((rule, confidence))
    return verdicts


def check(rules, parsed, context) -> list[Hit]:
    """Every binding of a key-like name to a real-looking literal, for each matching rule."""
    data = parsed.all_text.encode("utf-8", "surrogatepass")
    folded = fold(data)
    rules = [rule for rule in rules if parsed.kind in rule.spec.files and _may_fire(rule.spec, data, folded)]
    shown = _FileEvidence(parsed.text, parsed.kind == "python")
    rules = [rule for rule in rules if shown.possible(rule.spec, parsed.all_text)]
    if not rules:
        return []
    # A notebook is Python with bindings too (those its saved outputs show); a file that could not be
    # parsed has the bindings of the line-based search only.
    parsed_python = parsed.kind == "python" and not parsed.line_based
    bindings = (python_bindings(parsed, rules) if parsed_python else []) + parsed.bindings
    hits = []
    for binding in bindings:
        for rule, confidence in _verdicts(rules, binding.name, binding.value):
            evidence = shown.for_value(rule.spec, binding.value)
            if evidence is not None:
                hits.append(_hit(rule, binding, confidence, context.is_test, evidence))
    return hits


class _FileEvidence:
    """What in a file shows that its keys are Vipps keys: the first match of a rule's evidence
    patterns in its text, found once. In Python only code counts (a comment may say "not Vipps");
    in config files comments count too (a `# Vipps keys` header is often all there is)."""

    def __init__(self, text: str, is_python: bool):
        self._raw, self._is_python = text, is_python
        self._found: dict = {}

    @cached_property
    def text(self) -> str:
        return _without_comments(self._raw) if self._is_python else self._raw

    def possible(self, spec: SecretSpec, all_text: str) -> bool:
        """Whether some value in the file could pass `for_value`: the evidence patterns occur in
        the text (comments included, so this is a superset), or a shaped value is evidence and a
        shape occurs in `all_text`. Asked before the parse, so that a file without Vipps evidence
        is never parsed for a rule that needs it (nearly every file of a project that does not
        call Vipps). As with the prefilter's value tokens, a shaped value split across
        concatenated literals or written with escapes is not seen."""
        if not spec.evidence:
            return True
        key = ("raw", spec.evidence)
        if key not in self._found:
            self._found[key] = any(p.search(self._raw) for p in spec.evidence)
        return self._found[key] or (spec.shape_is_evidence and any(p.search(all_text) for p in spec.shapes))

    def for_value(self, spec: SecretSpec, value: str) -> str | None:
        if not spec.evidence:
            return ""
        if spec.shape_is_evidence and spec.shaped(value):
            return "the documented shape of the value"
        if spec.evidence not in self._found:
            self._found[spec.evidence] = evidence_in(self.text, spec.evidence)
        return self._found[spec.evidence]


def _may_fire(spec: SecretSpec, data: bytes, folded: bytes) -> bool:
    """The rule's own prefilter, for files that other kinds' rules let through."""
    tokens = prefilter_tokens(spec)
    return tokens is None or tokens_of(frozenset(tokens)).found_in(data, folded)


def _hit(rule, binding: Binding, confidence: str, is_test: bool, evidence: str) -> Hit:
    return Hit(
        rule=rule,
        line=binding.line,
        column=binding.column,
        end_line=binding.end_line,
        end_column=binding.end_column,
        match_key=f"{binding.name}={redact(binding.value)}",
        scope=binding.scope,
        confidence=confidence,
        severity=rule.spec.severity_in_tests if is_test and rule.spec.severity_in_tests else None,
        secret=binding.value,
        variables={"name": binding.name, "evidence": evidence or "none needed"},
    )


def _without_comments(text: str) -> str:
    """`text` with its comments blanked (lines kept); the text itself when it does not tokenize."""
    lines = io.StringIO(text).readlines()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                row, col = token.start
                line = lines[row - 1]
                lines[row - 1] = line[:col] + " " * (token.end[1] - col) + line[token.end[1]:]
    except (tokenize.TokenError, SyntaxError, IndexError):
        return text
    return "".join(lines)
