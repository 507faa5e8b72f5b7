"""Stage 3: turn a file's bytes into text and then into a tree (Python) or bindings (config)."""

from __future__ import annotations

import ast
import gc
import io
import tokenize
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from keylint.core.lines import split_lines

if TYPE_CHECKING:
    import libcst as cst
    from libcst.metadata import MetadataWrapper

    from keylint.facts.bindings import Binding
    from keylint.facts.notebook import Notebook
    from keylint.facts.positions import Span


class ParseFailure(Exception):
    """The file cannot be analysed; the message says why, for the `errors` list."""


@dataclass
class ParsedFile:
    """A file ready for analysis. Python files carry a tree, config files their bindings, templates text.

    A notebook is analysed as Python (its code cells); its saved outputs come after the code in
    `lines` and give `bindings` (keylint/facts/notebook.py). A file that cannot be parsed may carry the
    bindings a line-based search found (`line_based`).
    """

    path: str
    kind: str
    text: str
    bindings: list[Binding] = field(default_factory=list)
    notebook: Notebook | None = None
    line_based: bool = False
    _wrapper: MetadataWrapper | None = field(default=None, repr=False)
    _positions: dict[cst.CSTNode, Span] | None = field(default=None, repr=False)

    @property
    def wrapper(self) -> MetadataWrapper:
        """The LibCST tree of a Python file, parsed on first use (ParseFailure if it cannot be)."""
        if self._wrapper is None:
            from libcst.metadata import MetadataWrapper  # LibCST loads only when Python is parsed

            self._wrapper = MetadataWrapper(_parse_python(self.text), unsafe_skip_copy=True)
        return self._wrapper

    @property
    def positions(self) -> dict[cst.CSTNode, Span]:
        """Each node's (line, column, end line, end column) as LibCST's PositionProvider has them
        (keylint/facts/positions.py), computed on first use."""
        if self._positions is None:
            from keylint.facts.positions import node_spans

            self._positions = node_spans(self.wrapper.module)
        return self._positions

    @property
    def all_text(self) -> str:
        """The text, then a notebook's saved outputs: lines are numbered through both."""
        return self.text + self.notebook.output_text if self.notebook is not None else self.text

    @cached_property
    def lines(self) -> list[str]:
        return split_lines(self.all_text, self.kind)


def decode(data: bytes, kind: str) -> str:
    """Bytes to text; binary and undecodable files raise ParseFailure."""
    if b"\0" in data[:8192]:
        raise ParseFailure("binary file (contains NUL bytes)")
    encoding = "utf-8"
    if kind == "python":
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError as exc:
            if str(exc).startswith(("unknown encoding", "encoding problem")):  # Python refuses the file
                raise ParseFailure(f"invalid coding cookie ({exc})") from exc
            encoding = "utf-8"  # undecodable first lines: the decode below says where
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ParseFailure(
            f"not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
    except LookupError as exc:
        raise ParseFailure(f"unknown encoding {encoding!r}") from exc
    return text[1:] if text.startswith("\ufeff") else text


def parse(path: str, text: str, kind: str, lazy: bool = False) -> ParsedFile:
    """Parse decoded text by kind; syntax errors raise ParseFailure. Templates stay text.

    With `lazy`, a Python file is parsed only when a kind first asks for its tree (a kind that
    answers from the project phase's summary, or rules the file out by its text, never does).
    """
    if kind == "python":
        parsed = ParsedFile(path, kind, text)
        if not lazy:
            parsed.wrapper  # noqa: B018 - parse now, so that syntax errors are raised here
        return parsed
    if kind == "notebook":
        return _parse_notebook(path, text, lazy)
    from keylint.facts.configfiles import READERS, ConfigSyntaxError  # config readers: only for config files

    if kind not in READERS:
        return ParsedFile(path, kind, text)
    try:
        return ParsedFile(path, kind, text, bindings=READERS[kind](text))
    except ConfigSyntaxError as exc:
        raise ParseFailure(str(exc)) from exc


def _parse_notebook(path: str, text: str, lazy: bool) -> ParsedFile:
    from keylint.facts.notebook import NotebookError
    from keylint.facts.notebook import read as read_notebook

    try:
        notebook = read_notebook(text)
    except NotebookError as exc:
        raise ParseFailure(str(exc)) from exc
    parsed = parse(path, notebook.python, "python", lazy)
    parsed.bindings, parsed.notebook = notebook.bindings, notebook
    return parsed


MAX_NESTING = 200
"""Deepest expression nesting (in Python AST levels) handed to LibCST: its native parser takes
time superlinear in the nesting (nested calls: 0.4 s at 200 levels, 15 s at 1,000) and overflows
the C stack beyond a few thousand, killing the process."""


def _parse_python(text: str) -> cst.Module:
    import libcst as cst

    from keylint.pipeline.pieces import parse_in_pieces, statement_lines

    tree = _cpython_tree(text)
    statements = statement_lines(tree) if tree is not None else None
    del tree  # large for a large module: not kept while LibCST parses
    try:
        with _collector_paused():
            return (statements is not None and parse_in_pieces(text, statements)) or cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        raise ParseFailure(_syntax_error(text, exc)) from exc
    except RecursionError as exc:
        raise ParseFailure("too deeply nested to parse") from exc


@contextmanager
def _collector_paused():
    """Python's cycle collector off while LibCST builds a tree: the tree has no cycles, but each
    full collection during the parse walks every node made so far (a quarter of the parse's time
    on a large file). Garbage made meanwhile is collected once it is back on."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _syntax_error(text: str, exc: cst.ParserSyntaxError) -> str:
    """CPython's own message when it has one (it is clearer: "Missing parentheses..."), else LibCST's."""
    try:
        _cpython_parse(text)
    except SyntaxError as error:
        return f"Python syntax error at line {error.lineno}, column {error.offset}: {error.msg}"
    except (ValueError, RecursionError, MemoryError):
        pass
    return f"Python syntax error at line {exc.editor_line}, column {exc.editor_column}: {exc.message}"


def _cpython_tree(text: str) -> ast.Module | None:
    """CPython's tree of the text (None if CPython cannot parse it: LibCST reports the syntax
    error, or parses syntax newer than this Python); ParseFailure when the text is nested too
    deeply for LibCST. CPython's parser is fast and guarded against deep input; only nodes wide
    enough to hide MAX_NESTING levels are descended into, so ordinary code costs one cheap pass
    over its statements."""
    try:
        tree = _cpython_parse(text)
    except SyntaxError as exc:
        if "too many nested parentheses" in str(exc.msg):
            raise ParseFailure(f"too deeply nested to analyse: more than 200 nested brackets at line {exc.lineno}") from exc
        return None
    except RecursionError as exc:
        raise ParseFailure("too deeply nested to analyse: Python's own parser gives up on it") from exc
    except MemoryError as exc:  # the parser's stack guard (deep nesting), or the worker's memory budget
        if len(text) >= 2**20:
            raise
        raise ParseFailure("too deeply nested to analyse: Python's own parser gives up on it") from exc
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            raise ParseFailure(f"too deeply nested to analyse: an expression nested over {MAX_NESTING} levels deep at line {node.lineno}")
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node) if _may_nest(child, MAX_NESTING - depth))
    return tree


def _may_nest(node: ast.AST, levels: int) -> bool:
    """Whether `node` can hold `levels` more levels: a one-line node narrower than that cannot
    (every level adds at least one character, give or take a wrapper)."""
    end = getattr(node, "end_col_offset", None)
    if end is None or node.end_lineno != node.lineno:
        return True
    return end - node.col_offset + 4 >= levels


def _cpython_parse(text: str) -> ast.Module:
    """ast.parse without its SyntaxWarnings (`[1]()` and the like: the user's business, not keylint's output)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text)
