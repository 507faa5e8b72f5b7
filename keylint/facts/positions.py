"""Where each node of a LibCST tree stands: LibCST's PositionProvider, made cheaper.

PositionProvider generates the module's code once, recording every node's syntactic range as
frozen CodeRange objects and splitting every token on newlines. This records plain tuples,
scans only tokens that contain a line break, and is reached without `MetadataWrapper.resolve()`
(which, after a provider that is not batchable, walks the whole tree once more for no
provider). The ranges are the same as PositionProvider's (tests/test_parse.py checks).
It builds on LibCST's code generation protocol (`CodegenState`), as PositionProvider does.
"""

from __future__ import annotations

from contextlib import contextmanager

import libcst as cst
from libcst._nodes.internal import CodegenState

from keylint.core.lines import NEWLINE

Span = tuple[int, int, int, int]
"""(line, column, end line, end column): lines from 1, columns from 0, as in a CodeRange."""


def node_spans(module: cst.Module) -> dict[cst.CSTNode, Span]:
    """The span of every node of `module`: syntactic where LibCST defines one, else with whitespace."""
    state = _SpanState(default_indent=module.default_indent, default_newline=module.default_newline)
    module._codegen(state)
    return state.spans


class _SpanState(CodegenState):
    """Code generation that keeps the current line and column and records the nodes' spans."""

    def __init__(self, default_indent: str, default_newline: str):
        super().__init__(default_indent=default_indent, default_newline=default_newline)
        self.line, self.column = 1, 0
        self.spans: dict[cst.CSTNode, Span] = {}
        self._starts: list[tuple[int, int]] = []

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.add_token(token)

    def add_token(self, value: str) -> None:
        self.tokens.append(value)
        if "\n" in value or "\r" in value:
            segments = NEWLINE.split(value)
            self.line += len(segments) - 1
            self.column = len(segments[-1])
        else:
            self.column += len(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self._starts.append((self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        start = self._starts.pop()
        if node not in self.spans:  # a syntactic span recorded inside wins
            self.spans[node] = (*start, self.line, self.column)

    @contextmanager
    def record_syntactic_position(self, node: cst.CSTNode, *, start_node: cst.CSTNode | None = None,
                                  end_node: cst.CSTNode | None = None):
        start = (self.line, self.column)
        try:
            yield
        finally:
            end = (self.line, self.column)
            if start_node is not None:
                start = self.spans[start_node][:2]
            if end_node is not None:
                end = self.spans[end_node][2:]
            self.spans[node] = (*start, *end)
