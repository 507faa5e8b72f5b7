"""What each class and the module itself show of a service, found on a module's LibCST tree.

The markers are an EvidenceSpec's (keylint/dataflow/evidence.py, which explains the reach).
Only nodes on lines whose text shows a marker or a URL are visited.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import libcst as cst

from keylint.dataflow.evidence import EvidenceSpec, quote
from keylint.facts.python_bindings import literal_string

_URL_ANYWHERE = re.compile("://")
_NEWLINE = re.compile(r"\r\n?|\n")


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
