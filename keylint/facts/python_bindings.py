"""Finding name/value bindings in Python code with LibCST (imported only when Python is parsed)."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterator

import libcst as cst
from keylint.core.lines import position
from keylint.facts.bindings import Binding, CallPair
from keylint.facts.names import chain
from keylint.facts.positions import Span

if TYPE_CHECKING:
    from keylint.pipeline.parse import ParsedFile  # the parse stage's record; facts sit below it


def _binding(name: str, value: str, span: Span, scope: str) -> Binding:
    line, column, end_line, end_column = span
    return Binding(name=name, value=value, line=line, column=column + 1, end_line=end_line,
                   end_column=end_column + 1, scope=scope)


def _unique_span(text: str, module: cst.Module, node: cst.CSTNode) -> Span | None:
    """Where `node` stands, if its source text occurs exactly once in `text` (else None)."""
    if getattr(node, "lpar", None) or "\r" in text:
        return None
    code = module.code_for_node(node)
    start = text.find(code)
    if start < 0 or text.find(code, start + 1) >= 0:
        return None
    return (*position(text, start), *position(text, start + len(code)))




def literal_string(node: cst.BaseExpression) -> str | None:
    """The value of a constant string expression, or None when it is not constant."""
    if isinstance(node, cst.SimpleString):
        prefix = node.prefix.lower()
        if "b" not in prefix and ("\\" not in node.value or "r" in prefix):
            return node.raw_value  # what evaluated_value gives, without its literal_eval
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(node, cst.ConcatenatedString):
        left, right = literal_string(node.left), literal_string(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, cst.FormattedString):
        if all(isinstance(part, cst.FormattedStringText) for part in node.parts):
            return "".join(part.value for part in node.parts)
        return None
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        left, right = literal_string(node.left), literal_string(node.right)
        return None if left is None or right is None else left + right
    return None


def dotted_name(node: cst.BaseExpression) -> str | None:
    """`os.environ.get` for the expression os.environ.get, None for anything not a plain name chain."""
    name = chain(node)
    return None if name is None or "(" in name or "[" in name else name


def target_name(node: cst.BaseExpression) -> str | None:
    """The name a store target binds: `x`, `self.x`, `obj["x"]` all give x."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        if isinstance(index, cst.Index):
            return literal_string(index.value)
    return None


def _subclasses(*bases: type) -> frozenset[type]:
    found = set()
    pending = list(bases)
    while pending:
        cls = pending.pop()
        found.add(cls)
        pending.extend(cls.__subclasses__())
    return frozenset(found)


# Node types never worth descending into; compared by exact type (isinstance on LibCST's
# abstract bases is slow on this hot path).
_TRIVIA = _subclasses(
    cst.BaseParenthesizableWhitespace, cst.EmptyLine, cst.TrailingWhitespace, cst.Newline, cst.Comment,
    cst.Comma, cst.Semicolon, cst.Colon, cst.Dot, cst.AssignEqual, cst.LeftParen, cst.RightParen,
    cst.LeftSquareBracket, cst.RightSquareBracket, cst.LeftCurlyBrace, cst.RightCurlyBrace,
)


_SCOPES = (cst.ClassDef, cst.FunctionDef)


@lru_cache(maxsize=None)
def _fields(node_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(node_type))


_WALKED = _subclasses(cst.CSTNode) - _TRIVIA
"""The node types worth descending into, by exact type: isinstance() on LibCST's abstract base
goes through ABCMeta, several times slower, for every field of every node."""


def _children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The node's child nodes, whitespace and punctuation left out."""
    for name in _fields(type(node)):
        value = getattr(node, name)
        if type(value) in _WALKED:
            yield value
        elif isinstance(value, (list, tuple)):
            yield from (item for item in value if type(item) in _WALKED)


class PythonBindingCollector:
    """Collects the literal strings bound to a name in a module for which keep(name, value) holds.

    It walks the tree itself instead of being a CSTVisitor: LibCST's visit rebuilds every node
    it passes and is about ten times slower. Positions are resolved afterwards (`bindings`),
    and only if something was kept: they cost more than the walk, and most files keep nothing.
    """

    def __init__(
        self,
        call_pairs: tuple[CallPair, ...],
        keep: Callable[[str, str], bool],
        wanted_name: Callable[[str], bool] = lambda name: True,
    ):
        """`wanted_name` is a cheap first test: a value bound to any other name is not even evaluated."""
        self.call_pairs = call_pairs
        self.keep = keep
        self.wanted_name = wanted_name
        self.found: list[tuple[str, str, cst.BaseExpression, str]] = []
        self._scope: list[str] = []

    def walk(self, node: cst.CSTNode) -> None:
        handler = _HANDLERS.get(type(node))
        if handler is not None:
            getattr(self, handler)(node)
        scoped = type(node) in _SCOPES
        if scoped:
            self._scope.append(node.name.value)
        for child in _children(node):
            self.walk(child)
        if scoped:
            self._scope.pop()

    def _add(self, name: str | None, value_node: cst.BaseExpression | None) -> None:
        if name is None or value_node is None or not self.wanted_name(name):
            return
        value = literal_string(value_node)
        if value is not None and self.keep(name, value):
            self.found.append((name, value, value_node, ".".join(self._scope)))

    def bindings(self, parsed: ParsedFile) -> list[Binding]:
        """The kept bindings with their positions; `parsed` must hold the walked module.

        A value whose source text occurs once in the file is located by searching for it; only
        otherwise are positions computed for the whole module (a full code generation).
        """
        spans = [_unique_span(parsed.text, parsed.wrapper.module, node) for _, _, node, _ in self.found]
        if None in spans:
            positions = parsed.positions
            spans = [span or positions[node] for span, (_, _, node, _) in zip(spans, self.found)]
        return [_binding(name, value, span, scope) for span, (name, value, _, scope) in zip(spans, self.found)]

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._add_store(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._add_store(node.target, node.value)

    def _add_store(self, target: cst.BaseExpression, value: cst.BaseExpression | None) -> None:
        if isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, (cst.Tuple, cst.List)):
            if len(target.elements) == len(value.elements):
                for t, v in zip(target.elements, value.elements):
                    self._add_store(t.value, v.value)
            return
        self._add(target_name(target), value)

    def visit_DictElement(self, node: cst.DictElement) -> None:
        self._add(literal_string(node.key), node.value)

    def visit_Param(self, node: cst.Param) -> None:
        self._add(node.name.value, node.default)

    def visit_Call(self, node: cst.Call) -> None:
        for arg in node.args:
            if arg.keyword is not None:
                self._add(arg.keyword.value, arg.value)
        callee = dotted_name(node.func)
        if callee is None:
            return
        for pair in self.call_pairs:
            if pair.matches(callee):
                self._add_call_pair(pair, node)

    def _add_call_pair(self, pair: CallPair, node: cst.Call) -> None:
        positional = [arg.value for arg in node.args if arg.keyword is None and not arg.star]
        if pair.name_arg >= len(positional):
            return
        name = literal_string(positional[pair.name_arg])
        if pair.value_arg is not None and pair.value_arg < len(positional):
            self._add(name, positional[pair.value_arg])
        if pair.value_kwarg is not None:
            for arg in node.args:
                if arg.keyword is not None and arg.keyword.value == pair.value_kwarg:
                    self._add(name, arg.value)


_HANDLERS = {
    cst.Assign: "visit_Assign",
    cst.AnnAssign: "visit_AnnAssign",
    cst.DictElement: "visit_DictElement",
    cst.Param: "visit_Param",
    cst.Call: "visit_Call",
}
