"""Where a module or class shows that it talks to a named service (Vipps MobilePay).

A generic name (`client_secret`, `access_token`, `Authorization`) is a Vipps key only where the
code around it shows Vipps: a Vipps host, API path or header in a string, or a Vipps name. The
reach is the innermost class that shows anything (Vipps, or a URL of another host, which makes
it another service's client), else the module. A marker another service shares (Azure's
Ocp-Apim-Subscription-Key header) counts only where nothing shows another service. Only code counts: strings and names, never
comments. The markers are data, from the rule packs' `evidence` blocks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import libcst as cst

from keylint.python_bindings import literal_string
from keylint.values import elide_keys

_URL_ANYWHERE = re.compile("://")
_NEWLINE = re.compile(r"\r\n?|\n")
_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/\s:?#{}]+)", re.I)


@dataclass(frozen=True)
class EvidenceSpec:
    """Markers of one service: `names` (regexes over identifiers and string literals),
    `literals` (regexes over string literals: hosts, paths, headers), `weak` (markers another
    service shares, e.g. Azure's Ocp-Apim-Subscription-Key: they count only where nothing shows
    another service), `hosts` (URL hosts of the service; a URL with any other host is foreign)
    and `foreign` (regexes over strings that show another service: its token paths)."""

    names: tuple = ()
    literals: tuple = ()
    weak: tuple = ()
    hosts: tuple = ()
    foreign: tuple = ()
    tokens: frozenset = field(default_factory=frozenset)  # lowercase substrings, one present in any marker

    def name_marker(self, text: str) -> bool:
        return any(p.search(text) for p in self.names)

    def literal_marker(self, text: str) -> bool:
        return self.name_marker(text) or any(p.search(text) for p in self.literals)

    def weak_marker(self, text: str) -> bool:
        return any(p.search(text) for p in self.weak)

    def shows_foreign(self, text: str) -> bool:
        match = _URL_HOST.match(text)
        if match is not None and not any(p.search(match.group(1)) for p in self.hosts):
            return True
        return any(p.search(text) for p in self.foreign)


@dataclass
class _Shown:
    """What one scope (a class, or the module) shows: its first strong and weak marker, and
    whether it shows another service."""

    strong: tuple | None = None  # (line, description)
    weak: tuple | None = None
    foreign: bool = False

    def verdict(self) -> tuple | None | bool:
        """The marker that ties the scope to the service, False when it shows another service
        instead, None when it shows nothing."""
        if self.strong is not None:
            return self.strong
        if self.foreign:
            return False
        return self.weak


class ScopeEvidence:
    """For one module: what each class and the module itself show of the service."""

    def __init__(self, spec: EvidenceSpec | None, tree: cst.Module, text: str, spans):
        self.module = _Shown()
        self.classes: dict[int, _Shown] = {}  # id(ClassDef) -> what it shows
        if spec is None or not self._may_have(spec, text):
            return
        lines = _lines_matching(text, (*spec.names, *spec.literals, *spec.weak))
        if not lines:
            return  # nothing in the module shows the service: no need to look for other services either
        lines = sorted(lines | _lines_matching(text, (*spec.foreign, _URL_ANYWHERE)))
        self._spec, self._spans, self._lines = spec, spans, lines
        self._walk(tree, None)

    @staticmethod
    def _may_have(spec: EvidenceSpec, text: str) -> bool:
        lower = text.lower()
        return any(token in lower for token in spec.tokens)

    def _walk(self, node: cst.CSTNode, cls: cst.ClassDef | None) -> None:
        """Visits only the nodes on lines where a marker or a URL was seen in the text."""
        line, _, end_line, _ = self._spans[node]
        at = bisect.bisect_left(self._lines, line)
        if at == len(self._lines) or self._lines[at] > end_line:
            return
        scopes = [self.module] if cls is None else [self.module, self.classes.setdefault(id(cls), _Shown())]
        if isinstance(node, cst.Name) and self._spec.name_marker(node.value):
            self._note(scopes, "strong", (line, f"the name {node.value}"))
        elif isinstance(node, (cst.SimpleString, cst.FormattedString)):
            text = _text(node)
            if text is not None:
                if self._spec.literal_marker(text):
                    self._note(scopes, "strong", (line, f"the string {quote(text)}"))
                elif self._spec.weak_marker(text):
                    self._note(scopes, "weak", (line, f"the string {quote(text)}"))
                elif self._spec.shows_foreign(text):
                    for scope in scopes:
                        scope.foreign = True
        if isinstance(node, cst.ClassDef):
            cls = node
        for child in node.children:
            self._walk(child, cls)

    @staticmethod
    def _note(scopes: list, kind: str, marker: tuple) -> None:
        for scope in scopes:
            if getattr(scope, kind) is None:
                setattr(scope, kind, marker)

    def of(self, cls: cst.ClassDef | None) -> tuple | None:
        """The marker that ties code in `cls` (None: outside classes) to the service, if any: the
        class decides when it shows anything (this service or another), else the module."""
        shown = self.classes.get(id(cls)) if cls is not None else None
        verdict = shown.verdict() if shown is not None else None
        if verdict is None:
            verdict = self.module.verdict()
        return verdict or None


def _lines_matching(text: str, patterns) -> set:
    """Line numbers (from 1, LibCST's line breaks) where any of `patterns` matches."""
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    return {bisect.bisect_right(starts, m.start()) for p in patterns for m in p.finditer(text)}


def _text(node) -> str | None:
    if isinstance(node, cst.SimpleString):
        return literal_string(node)
    return "".join(p.value if isinstance(p, cst.FormattedStringText) else "{}" for p in node.parts)


def quote(text: str | None) -> str:
    if text is None:
        return "''"
    text = elide_keys(" ".join(text.split()))
    return repr(text if len(text) <= 60 else text[:59] + "…")


def compile_evidence(raw: dict | None, where: list) -> EvidenceSpec | None:
    from keylint.kinds.spec import compile_patterns

    if not raw:
        return None
    return EvidenceSpec(
        names=tuple(compile_patterns(list(raw.get("names", ())), [*where, "names"])),
        literals=tuple(compile_patterns(list(raw.get("literals", ())), [*where, "literals"])),
        weak=tuple(compile_patterns(list(raw.get("weak", ())), [*where, "weak"])),
        hosts=tuple(compile_patterns(list(raw.get("hosts", ())), [*where, "hosts"])),
        foreign=tuple(compile_patterns(list(raw.get("foreign", ())), [*where, "foreign"])),
        tokens=frozenset(t.lower() for t in raw.get("tokens", ())),
    )
