"""Where a module or class shows that it talks to a named service (Vipps MobilePay).

A generic name (`client_secret`, `access_token`, `Authorization`) is a Vipps key only where the
code around it shows Vipps: a Vipps host, API path or header in a string, or a Vipps name. The
reach is the innermost class that shows anything (Vipps, or a URL of another host, which makes
it another service's client), else the module. Only code counts: strings and names, never
comments. The markers are data, from the rule packs' `evidence` blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import libcst as cst

from keylint.python_bindings import literal_string
from keylint.values import elide_keys

_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/\s:?#{}]+)", re.I)


@dataclass(frozen=True)
class EvidenceSpec:
    """Markers of one service: `names` (regexes over identifiers and string literals),
    `literals` (regexes over string literals: hosts, paths, headers), `hosts` (regexes over
    URL hosts that belong to the service; a URL with any other host is foreign)."""

    names: tuple = ()
    literals: tuple = ()
    hosts: tuple = ()
    tokens: frozenset = field(default_factory=frozenset)  # lowercase substrings, one present in any marker

    def name_marker(self, text: str) -> bool:
        return any(p.search(text) for p in self.names)

    def literal_marker(self, text: str) -> bool:
        return self.name_marker(text) or any(p.search(text) for p in self.literals)

    def foreign(self, text: str) -> bool:
        match = _URL_HOST.match(text)
        return match is not None and not any(p.search(match.group(1)) for p in self.hosts)


class ScopeEvidence:
    """For one module: the first marker of the service in each class and in the module, and
    which classes show another service (a URL of a foreign host) and none of ours."""

    def __init__(self, spec: EvidenceSpec | None, tree: cst.Module, text: str, line_of):
        self.module: tuple | None = None  # (line, description)
        self.classes: dict[int, tuple | None] = {}  # id(ClassDef) -> marker, None: foreign
        if spec is None or not self._may_have(spec, text):
            return
        self._spec, self._line_of = spec, line_of
        self._walk(tree, None)

    @staticmethod
    def _may_have(spec: EvidenceSpec, text: str) -> bool:
        lower = text.lower()
        return any(token in lower for token in spec.tokens)

    def _walk(self, node: cst.CSTNode, cls: cst.ClassDef | None) -> None:
        found = self._marker(node)
        if found is not None:
            marker = (self._line_of(node), found)
            if self.module is None:
                self.module = marker
            if cls is not None and self.classes.get(id(cls)) is None:
                self.classes[id(cls)] = marker
        elif cls is not None and id(cls) not in self.classes and self._is_foreign(node):
            self.classes[id(cls)] = None
        if isinstance(node, cst.ClassDef):
            cls = node
        for child in node.children:
            self._walk(child, cls)

    def _marker(self, node: cst.CSTNode) -> str | None:
        if isinstance(node, cst.Name):
            return f"the name {node.value}" if self._spec.name_marker(node.value) else None
        if isinstance(node, (cst.SimpleString, cst.FormattedString)):
            text = _text(node)
            return f"the string {quote(text)}" if text is not None and self._spec.literal_marker(text) else None
        return None

    def _is_foreign(self, node: cst.CSTNode) -> bool:
        if not isinstance(node, (cst.SimpleString, cst.FormattedString)):
            return False
        text = _text(node)
        return text is not None and self._spec.foreign(text)

    def of(self, cls: cst.ClassDef | None) -> tuple | None:
        """The marker that ties code in `cls` (None: outside classes) to the service, if any."""
        if cls is not None and id(cls) in self.classes:
            return self.classes[id(cls)]
        return self.module


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
        hosts=tuple(compile_patterns(list(raw.get("hosts", ())), [*where, "hosts"])),
        tokens=frozenset(t.lower() for t in raw.get("tokens", ())),
    )
