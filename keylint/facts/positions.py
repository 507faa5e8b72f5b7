"""Where each node of a LibCST tree stands: LibCST's PositionProvider, made cheaper.

PositionProvider generates the module's code once, recording every node's syntactic range as
frozen CodeRange objects and splitting every token on newlines. This records plain tuples,
scans only tokens that contain a line break, and is reached without `MetadataWrapper.resolve()`
(which, after a provider that is not batchable, walks the whole tree once more for no
provider). The ranges are the same as PositionProvider's (tests/test_parse.py checks).
It builds on LibCST's code generation protocol (`CodegenState`), as PositionProvider does.
"""

from __future__ import annotations

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
        line, column = self._starts.pop()
        self.spans.setdefault(node, (line, column, self.line, self.column))  # a syntactic span recorded inside wins

    def record_syntactic_position(self, node: cst.CSTNode, *, start_node: cst.CSTNode | None = None,
                                  end_node: cst.CSTNode | None = None) -> _Syntactic:
        return _Syntactic(self, node, start_node, end_node)


class _Syntactic:
    """Records a node's syntactic span around the code generated inside it (a plain context
    manager: one per node, and @contextmanager's generator machinery cost a quarter of the walk)."""

    __slots__ = ("state", "node", "start_node", "end_node", "start")

    def __init__(self, state: _SpanState, node: cst.CSTNode, start_node: cst.CSTNode | None,
                 end_node: cst.CSTNode | None):
        self.state, self.node, self.start_node, self.end_node = state, node, start_node, end_node

    def __enter__(self) -> None:
        self.start = (self.state.line, self.state.column)

    def __exit__(self, *exc) -> None:
        spans = self.state.spans
        start = spans[self.start_node][:2] if self.start_node is not None else self.start
        end = spans[self.end_node][2:] if self.end_node is not None else (self.state.line, self.state.column)
        spans[self.node] = (*start, *end)
