"""Helpers shared by the kinds for turning YAML spec values into usable objects."""

from __future__ import annotations

import re
from contextlib import contextmanager


class SpecError(Exception):
    """A spec value the schema accepted but the kind cannot use (e.g. a bad regex)."""

    def __init__(self, where: list, message: str):
        super().__init__(message)
        self.where = where
        self.message = message


class Pattern:
    """A regex that a pickle holds as its source and that is compiled when first used.

    Compiled rule packs are cached as pickles (keylint.rules.packs.load_rules_cached), and unpickling
    an re.Pattern compiles it again: a scan whose files are all cached or ruled out by the
    prefilter would compile a few hundred regexes it never runs (most of a pre-commit run).
    Once compiled, the pattern's methods are bound on the instance: calls cost what they cost
    on an re.Pattern.
    """

    def __init__(self, pattern: str, flags: int = 0, compiled: re.Pattern | None = None):
        self.pattern, self.flags = pattern, flags
        if compiled is not None:
            self._bind(compiled)

    def _bind(self, compiled: re.Pattern) -> None:
        self.search, self.match, self.fullmatch = compiled.search, compiled.match, compiled.fullmatch
        self.finditer, self.findall, self.sub = compiled.finditer, compiled.findall, compiled.sub
        self.groups, self.groupindex = compiled.groups, compiled.groupindex

    def __getattr__(self, name: str):
        """Only reached before the first compile (bound attributes are found first)."""
        if name.startswith("__") or name in ("pattern", "flags"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        self._bind(compiled)
        return getattr(compiled, name)

    def __reduce__(self):
        return Pattern, (self.pattern, self.flags)

    def __eq__(self, other) -> bool:
        return isinstance(other, Pattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"Pattern({self.pattern!r}, {self.flags})"


def compile_patterns(patterns: list[str], where: list, flags: int = 0) -> tuple[Pattern, ...]:
    """Compile a list of regexes, naming the list index of the first bad one (within
    trusted_patterns(), they are compiled when first used instead)."""
    if _TRUSTED:
        return tuple(Pattern(pattern, flags) for pattern in patterns)
    compiled = []
    for index, pattern in enumerate(patterns):
        try:
            compiled.append(Pattern(pattern, flags, re.compile(pattern, flags)))
        except re.error as exc:
            raise SpecError([*where, index], f"invalid regex {pattern!r}: {exc}") from exc
    return tuple(compiled)


_TRUSTED = False


@contextmanager
def trusted_patterns():
    """Regexes that were checked before (the shipped packs, which the test suite compiles:
    keylint.rules.packs.shipped_checked) are not compiled to check them again: a scan that
    parses nothing never compiles them (~130 regexes, a few hundredths of a second)."""
    global _TRUSTED
    _TRUSTED = True
    try:
        yield
    finally:
        _TRUSTED = False


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

