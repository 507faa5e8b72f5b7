"""Stage 3: turn a file's bytes into text and then into a tree (Python) or bindings (config)."""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from keylint.bindings import Binding
from keylint.configfiles import READERS, ConfigSyntaxError
from keylint.lines import split_lines
from keylint.notebook import Notebook, NotebookError
from keylint.notebook import read as read_notebook

if TYPE_CHECKING:
    import libcst as cst
    from libcst.metadata import MetadataWrapper

    from keylint.positions import Span


class ParseFailure(Exception):
    """The file cannot be analysed; the message says why, for the `errors` list."""


@dataclass
class ParsedFile:
    """A file ready for analysis. Python files carry a tree, config files their bindings, templates text.

    A notebook is analysed as Python (its code cells); its saved outputs come after the code in
    `lines` and give `bindings` (keylint/notebook.py).
    """

    path: str
    kind: str
    text: str
    bindings: list[Binding] = field(default_factory=list)
    notebook: Notebook | None = None
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
        (keylint/positions.py), computed on first use."""
        if self._positions is None:
            from keylint.positions import node_spans

            self._positions = node_spans(self.wrapper.module)
        return self._positions

    @property
    def all_text(self) -> str:
        """The text, then a notebook's saved outputs: lines are numbered through both."""
        return self.text + self.notebook.output_text if self.notebook is not None else self.text

    @property
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
        except SyntaxError:
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
    if kind not in READERS:
        return ParsedFile(path, kind, text)
    try:
        return ParsedFile(path, kind, text, bindings=READERS[kind](text))
    except ConfigSyntaxError as exc:
        raise ParseFailure(str(exc)) from exc


def _parse_notebook(path: str, text: str, lazy: bool) -> ParsedFile:
    try:
        notebook = read_notebook(text)
    except NotebookError as exc:
        raise ParseFailure(str(exc)) from exc
    parsed = parse(path, notebook.python, "python", lazy)
    parsed.bindings, parsed.notebook = notebook.bindings, notebook
    return parsed


def _parse_python(text: str) -> cst.Module:
    import libcst as cst

    try:
        return cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        raise ParseFailure(_syntax_error(text, exc)) from exc
    except RecursionError as exc:
        raise ParseFailure("too deeply nested to parse") from exc


def _syntax_error(text: str, exc: cst.ParserSyntaxError) -> str:
    """CPython's own message when it has one (it is clearer: "Missing parentheses..."), else LibCST's."""
    try:
        ast.parse(text)
    except SyntaxError as error:
        return f"Python syntax error at line {error.lineno}, column {error.offset}: {error.msg}"
    except (ValueError, RecursionError, MemoryError):
        pass
    return f"Python syntax error at line {exc.editor_line}, column {exc.editor_column}: {exc.message}"
