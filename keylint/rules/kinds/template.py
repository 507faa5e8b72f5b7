"""The `template` kind: a template file prints a variable named like a key.

`{{ client_secret }}`, `{{ settings.VIPPS_SUBSCRIPTION_KEY }}`, `{{ config["CLIENT_ID"] }}`:
every dotted part and quoted subscript key of a printed expression is judged by the rule's
name regexes; a filter listed as safe (e.g. a masking filter), or a call to a function of that
name, clears the expression.

What prints depends on the template language, told by the file name:
- Jinja2 and Django (`.html`, `.jinja`, ...): `{{ ... }}`; `{# #}` comments are not rendered.
- Mako (`.mako`, `.mak`): `${ ... }`; `##` lines and `<%doc>` blocks are not rendered.
- Chameleon (`.pt`, `.cpt`, `.zpt`): `${ ... }`, and the expressions of `tal:content`,
  `tal:replace` and `tal:attributes` (path expressions `context/client_secret` read like dotted
  names; `exists:`/`not:` print no value; `<!--! -->` comments are dropped).
- Odoo QWeb views (`.xml`): `t-esc`, `t-out`, `t-raw`, `t-field`, `t-att`, `t-att-*`, and the
  `{{ }}`/`#{ }` parts of `t-attf-*`; XML comments are not rendered. Other attributes (`t-if`,
  `t-set`) print nothing, and `{{ }}` or `${}` elsewhere in XML is not QWeb output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from keylint.core.findings import Hit
from keylint.core.lines import position
from keylint.core.spec import FOLDED_PREFILTER_SCHEMA, compile_patterns, evidence_in, merge
from keylint.core.values import normalise_name

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

_PRINT = re.compile(r"\{\{(.*?)\}\}", re.S)
_INTERPOLATION = re.compile(r"\{\{(.*?)\}\}|#\{(.*?)\}", re.S)  # QWeb t-attf-* values
_DOLLAR = re.compile(r"\$\{")
_CALLED = re.compile(r"([A-Za-z_][\w.]*)\s*\(")
_ATTRIBUTE = r"""(?<![\w:-])(%s)\s*=\s*(?:"([^"]*)"|'([^']*)')"""
_QWEB = re.compile(_ATTRIBUTE % r"t-esc|t-out|t-raw|t-field|t-att(?:-[\w-]+)?|t-attf-[\w-]+")
_TAL = re.compile(_ATTRIBUTE % r"tal:content|tal:replace|tal:attributes")
_TAL_SILENT = re.compile(r"^(?:exists|not|load):")
_TAL_KEYWORD = re.compile(r"^(?:(?:structure|text)\s+)?(?:(?:python|nocall|path):\s*)?")
_XML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_COMMENTS = {
    "jinja": re.compile(r"\{#.*?#\}", re.S),
    "mako": re.compile(r"^[ \t]*##[^\n]*|<%doc>.*?</%doc>", re.S | re.M),
    "chameleon": re.compile(r"<!--!.*?-->", re.S),
    "qweb": _XML_COMMENT,
}
DIALECTS = (
    ("qweb", (".xml",)),
    ("chameleon", (".pt", ".cpt", ".zpt")),
    ("mako", (".mako", ".mak")),
)
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
    """The spec's `prefilter` tokens (see keylint.pipeline.prefilter); None when the pack gives none."""
    return spec.prefilter


def printed_names(expression: str) -> tuple[list[str], list[str]]:
    """(names used, filters applied) of one `{{ ... }}` expression."""
    parts = _QUOTED_KEY.sub(r".\2", expression).split("|")
    filters = [m.group(0) for part in parts[1:] for m in [_CHAIN.search(part)] if m]
    names = [name for chain in _CHAIN.findall(_STRING.sub("", parts[0])) for name in chain.split(".")]
    return names, filters


def dialect(path: str) -> str:
    """The template language of a file, by its name (Jinja2/Django unless another one says so)."""
    return next((name for name, suffixes in DIALECTS if path.lower().endswith(suffixes)), "jinja")


def printed(text: str, language: str):
    """(start, end, expression) of every expression the template prints, comments left out."""
    text = _blank(_COMMENTS[language], text)
    if language == "jinja":
        yield from ((m.start(), m.end(), m.group(1)) for m in _PRINT.finditer(text))
    if language in ("mako", "chameleon"):
        yield from _dollar_expressions(text, language == "chameleon")
    if language == "chameleon":
        yield from _attributes(_blank(_XML_COMMENT, text), _TAL, _tal_expressions)
    if language == "qweb":
        yield from _attributes(text, _QWEB, _qweb_expressions)


def _blank(pattern: re.Pattern, text: str) -> str:
    """`text` with what `pattern` matches replaced by spaces (offsets and lines unchanged)."""
    return pattern.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group(0)), text)


def _dollar_expressions(text: str, chameleon: bool):
    """`${ ... }` up to its matching brace (a dict or a string with braces inside is read whole)."""
    for match in _DOLLAR.finditer(text):
        end = _closing_brace(text, match.end())
        if end is not None:
            expression = text[match.end():end]
            yield match.start(), end + 1, re.sub(r"^\s*structure:", "", expression) if chameleon else expression


def _closing_brace(text: str, index: int) -> int | None:
    depth, quote = 1, None
    while index < len(text):
        char = text[index]
        if quote:
            index += char == "\\"
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if not depth:
                return index
        index += 1
    return None


def _attributes(text: str, pattern: re.Pattern, expressions):
    """The printed expressions of the attributes `pattern` finds, each spanning the attribute value."""
    import html  # only for templates with attributes (QWeb, TAL): most scans never unescape

    for match in pattern.finditer(text):
        group = 2 if match.group(2) is not None else 3
        value = html.unescape(match.group(group))
        for expression in expressions(match.group(1), value):
            yield match.start(group), match.end(group), expression


def _qweb_expressions(attribute: str, value: str) -> list[str]:
    if attribute.startswith("t-attf-"):
        return [m.group(1) if m.group(1) is not None else m.group(2) for m in _INTERPOLATION.finditer(value)]
    return [value]


def _tal_expressions(attribute: str, value: str) -> list[str]:
    """TALES expressions printed by a tal attribute; `string:` ones print through their `${}`."""
    parts = value.replace(";;", "\0").split(";") if attribute == "tal:attributes" else [value]
    if attribute == "tal:attributes":
        parts = [p.strip().partition(" ")[2] for p in parts]
    found = []
    for part in parts:
        part = _TAL_KEYWORD.sub("", part.replace("\0", ";").strip())
        if not _TAL_SILENT.match(part) and not part.startswith("string:"):
            found.append(part.replace("/", "."))
    return found


def check(rules, parsed, context) -> list[Hit]:
    text = parsed.text
    uncommented = _blank(_COMMENTS[dialect(parsed.path)], text)
    shown_by = {rule.spec.evidence: evidence_in(uncommented, rule.spec.evidence) if rule.spec.evidence else "none needed"
                for rule in rules}
    rules = [rule for rule in rules if shown_by[rule.spec.evidence] is not None]
    hits = []
    for start, end, raw in printed(text, dialect(parsed.path)):
        names, filters = printed_names(raw)
        filters += [m.group(1).rsplit(".", 1)[-1] for m in _CALLED.finditer(raw)]
        (line, column), (end_line, end_column) = position(text, start), position(text, end)
        column, end_column = column + 1, end_column + 1
        for rule in rules:
            if any(f in rule.spec.safe_filters for f in filters):
                continue
            shown = next((n for n in names if rule.spec.matches(n)), None)
            if shown is not None:
                expression = " ".join(raw.split())
                hits.append(Hit(rule=rule, line=line, column=column, end_line=end_line, end_column=end_column,
                                match_key=expression,
                                variables={"name": shown, "expression": expression, "evidence": shown_by[rule.spec.evidence]}))
    return hits
