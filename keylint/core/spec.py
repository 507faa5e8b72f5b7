"""Helpers shared by the kinds for turning YAML spec values into usable objects."""

from __future__ import annotations

import re


class SpecError(Exception):
    """A spec value the schema accepted but the kind cannot use (e.g. a bad regex)."""

    def __init__(self, where: list, message: str):
        super().__init__(message)
        self.where = where
        self.message = message


def compile_patterns(patterns: list[str], where: list, flags: int = 0) -> tuple[re.Pattern, ...]:
    """Compile a list of regexes, naming the list index of the first bad one."""
    compiled = []
    for index, pattern in enumerate(patterns):
        try:
            compiled.append(re.compile(pattern, flags))
        except re.error as exc:
            raise SpecError([*where, index], f"invalid regex {pattern!r}: {exc}") from exc
    return tuple(compiled)


_WORD_CHARS = re.compile(r"[^\s'\"=,;()\[\]{}<>]")


def evidence_in(text: str, patterns: tuple) -> str | None:
    """`'https://api.vipps.no/accesstoken/get' at line 3`: the whole word (URL, header, name)
    around the first match of any of `patterns` in `text`, keys elided; None without a match."""
    from keylint.core.values import elide_keys

    matches = [m for m in (p.search(text) for p in patterns) if m is not None]
    if not matches:
        return None
    first = min(matches, key=lambda m: m.start())
    start, end = first.start(), first.end()
    while start > 0 and _WORD_CHARS.match(text, start - 1):
        start -= 1
    while end < len(text) and _WORD_CHARS.match(text, end):
        end += 1
    word = elide_keys(" ".join(text[start:end].split()))[:80]
    return f"{word!r} at line {text.count(chr(10), 0, first.start()) + 1}"


def merge(defaults: dict, own: dict) -> dict:
    """Rule settings over pack defaults: lists are joined, mappings merged, scalars replaced."""
    merged = dict(defaults)
    for key, value in own.items():
        base = merged.get(key)
        if isinstance(base, list) and isinstance(value, list):
            merged[key] = base + value
        elif isinstance(base, dict) and isinstance(value, dict):
            merged[key] = merge(base, value)
        else:
            merged[key] = value
    return merged


FOLDED_PREFILTER_SCHEMA = {
    "type": "array",
    "minItems": 1,
    "items": {"type": "string", "pattern": "^[A-Za-z0-9]{3,}$"},
    "description": "a file is analysed only if it contains one of these: lowercase tokens in any "
    "case among its letters and digits (client_secret gives clientsecret), others exactly",
}
"""The `prefilter` of kinds whose tokens keylint.pipeline.prefilter matches (secret, template)."""

