"""Jupyter notebooks (`.ipynb`): code cells are read as one Python module, saved outputs as text.

The code cells, joined in order, are what the kernel ran: one module, so a key defined in one
cell and sent in a later one is a flow like any other. IPython syntax (`%magic`, `!shell`,
`x = !cmd`, `obj?`) is replaced by `pass`/`None` on the same line, so lines keep their numbers;
a cell magic that runs another language (`%%bash`) is left out, and a cell that still does not
parse is left out and reported, while the other cells are analysed.

Saved outputs are a committed copy of what a cell printed: they are read as `name = value` pairs
(dict reprs, `KEY=value`, `name: value`) and bare values printed by a cell that shows one name,
for the `secret` kind only (a token printed into an output is a leak in the committed file).

Findings are placed twice: in the `.ipynb` file itself (line and column of the JSON text, which
is what CI annotations and diffs see) and in the notebook (cell number counting every cell from
1, line and column within the cell), kept as the finding's `cell`.
"""

from __future__ import annotations

import ast
import bisect
import json
import json.decoder
import json.scanner
import re
from dataclasses import dataclass, field, replace

from keylint.core.findings import CellPlace
from keylint.facts.bindings import Binding

# Cell magics whose body is Python run by the kernel; any other %% magic holds another language.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug", "python", "python3", "pypy"})
_MAGIC = re.compile(r"^(\s*)(?:[!%]|\?\??[\w.]|[\w.]+\?\??\s*$)")
_ASSIGNED_MAGIC = re.compile(r"^(\s*[\w.,\s\[\]()*]+?\s*=\s*)[!%]")
_OUTPUT_PAIR = re.compile(
    r"""(['"]?)([A-Za-z_][\w.-]*)\1\s*(?:=|:(?!//))\s*(['"]?)((?:Bearer\s+)?[^\s'",{}()\[\]]+)\3"""
)
_LINE = re.compile(r"[^\n]*\n?")
_BARE_VALUE = re.compile(r"""^\s*(['"]?)([^\s'"]{16,})\1\s*$""")
_SHOWN_NAME = re.compile(r"""(?:^|\bprint\(\s*|\bdisplay\(\s*)([A-Za-z_][\w.]*)\s*\)?\s*;?\s*$""")


class NotebookError(ValueError):
    """The file is not a notebook keylint can read; the message says why."""


class _At(str):
    """A string value of the notebook's JSON, with the offset of its opening quote."""

    offset: int


def _located(text: str, end: int, strict: bool = True):
    value, after = json.decoder.scanstring(text, end, strict)
    located = _At(value)
    located.offset = end - 1
    return located, after


class _Decoder(json.JSONDecoder):
    """The standard JSON decoder, except that string values remember where they stand."""

    def __init__(self):
        super().__init__()
        self.parse_string = _located
        self.scan_once = json.scanner.py_make_scanner(self)


@dataclass(frozen=True)
class _Line:
    """Where one line of the analysed text comes from: a cell, and a JSON string of the file."""

    cell: int
    line: int  # line within the cell (within the output text for outputs)
    output: bool
    piece: _At
    start: int  # index of the line's first character in `piece`


@dataclass
class Notebook:
    """A notebook as keylint analyses it: Python text, output text, and where each line is."""

    text: str  # the file's JSON text
    code: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    bindings: list[Binding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    _lines: list[_Line] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    @property
    def python(self) -> str:
        return "".join(line + "\n" for line in self.code)

    @property
    def output_text(self) -> str:
        return "".join(line + "\n" for line in self.outputs)

    def place(self, line: int, column: int) -> tuple[int, int, CellPlace | None]:
        """(JSON line, JSON column, place in the notebook) of a 1-based line and column of the
        analysed text."""
        if not 0 < line <= len(self._lines):
            return line, column, None
        where = self._lines[line - 1]
        offset = _raw_offset(self.text, where.piece.offset, min(where.start + column - 1, len(where.piece)))
        json_line = bisect.bisect_right(self._starts, offset)
        return json_line, offset - self._starts[json_line - 1] + 1, CellPlace(where.cell, where.line, column, where.output)

    def place_finding(self, finding):
        line, column, cell = self.place(finding.line, finding.column)
        end_line, end_column, _ = self.place(finding.end_line, finding.end_column)
        flow = tuple(replace(s, line=self.place(s.line, 1)[0]) if s.path == finding.path else s for s in finding.flow)
        return replace(finding, line=line, column=column, end_line=end_line, end_column=end_column, cell=cell, flow=flow)

    def place_suppression(self, suppression):
        return replace(suppression, comment_line=self.place(suppression.comment_line, 1)[0],
                       target_line=self.place(suppression.target_line, 1)[0])


def read(text: str) -> Notebook:
    """The notebook in `text` (nbformat 4); NotebookError when it is not one."""
    try:
        document = _Decoder().decode(text)
    except json.JSONDecodeError as exc:
        raise NotebookError(f"invalid notebook JSON at line {exc.lineno}: {exc.msg}") from exc
    except RecursionError as exc:
        raise NotebookError("notebook JSON too deeply nested") from exc
    cells = document.get("cells") if isinstance(document, dict) else None
    if not isinstance(cells, list):
        raise NotebookError("not a Jupyter notebook (nbformat 4): no `cells` list")
    notebook = Notebook(text, _starts=[0] + [m.end() for m in re.finditer("\n", text)])
    for number, cell in enumerate(cells, 1):
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            _add_code(notebook, number, _pieces(cell.get("source")))
    for number, cell in enumerate(cells, 1):
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            _add_outputs(notebook, number, cell)
    return notebook


def _pieces(value) -> list[_At]:
    """A multiline string of nbformat (one string, or a list of strings to join) as its strings."""
    if isinstance(value, _At):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, _At)]
    return []


def _split(pieces: list[_At]) -> list[tuple[str, _At, int]]:
    """(line, piece it starts in, index in that piece) for each line of the joined pieces."""
    lines: list[tuple[str, _At, int]] = []
    pending = ""
    where: tuple[_At, int] | None = None
    for piece in pieces:
        for part in _LINE.finditer(piece):
            if not part.group(0):
                continue
            if where is None:
                where = (piece, part.start())
            pending += part.group(0)
            if pending.endswith("\n"):
                lines.append((pending.rstrip("\r\n"), *where))
                pending, where = "", None
    if where is not None:
        lines.append((pending.rstrip("\r"), *where))
    return lines


def _add_code(notebook: Notebook, number: int, pieces: list[_At]) -> None:
    lines = _split(pieces)
    code, error = cell_python([line for line, _, _ in lines])
    if error is not None:
        notebook.errors.append(f"cell {number}: {error}; the cell was not analysed")
    notebook.code.extend(code)
    notebook._lines.extend(_Line(number, n, False, piece, start) for n, (_, piece, start) in enumerate(lines, 1))


def cell_python(lines: list[str]) -> tuple[list[str], str | None]:
    """The cell as Python lines (as many as given) and None, or blank lines and why it is not Python."""
    blank = [""] * len(lines)
    source = "\n".join(lines)
    if _syntax_error(source) is None:
        return lines, None
    head = lines[0].strip() if lines else ""
    if head.startswith("%%"):
        if head[2:].split(" ", 1)[0] not in PYTHON_CELL_MAGICS:
            return blank, None  # another language (bash, html, sql...): not Python
        lines = ["", *lines[1:]]
    converted = _without_ipython(lines)
    error = _syntax_error("\n".join(converted))
    return (converted, None) if error is None else (blank, error)


def _without_ipython(lines: list[str]) -> list[str]:
    """IPython-only lines replaced by `pass` (or their value by None), continuation lines blanked."""
    out: list[str] = []
    continued = False
    for line in lines:
        if continued:
            out.append("")
        elif (assigned := _ASSIGNED_MAGIC.match(line)) is not None:
            out.append(assigned.group(1) + "None")
        elif (magic := _MAGIC.match(line)) is not None:
            out.append(magic.group(1) + "pass")
        else:
            out.append(line)
            continue
        continued = line.endswith("\\")
    return out


def _syntax_error(source: str) -> str | None:
    try:
        ast.parse(source)
    except SyntaxError as exc:
        return f"Python syntax error at line {exc.lineno}: {exc.msg}"
    except (ValueError, RecursionError, MemoryError) as exc:
        return f"cannot parse: {type(exc).__name__}"
    return None


def _add_outputs(notebook: Notebook, number: int, cell: dict) -> None:
    """The cell's saved text outputs as lines after the code, and the bindings they show."""
    shown = _shown_name(_split(_pieces(cell.get("source"))))
    first = len(notebook.code) + len(notebook.outputs) + 1
    lines: list[tuple[str, _At, int]] = []
    for output in cell.get("outputs") or []:
        if not isinstance(output, dict):
            continue
        data = output.get("data") if isinstance(output.get("data"), dict) else {}
        for value in (output.get("text"), data.get("text/plain"), output.get("evalue")):
            lines.extend(_split(_pieces(value)))
    notebook.outputs.extend(line for line, _, _ in lines)
    notebook._lines.extend(_Line(number, n, True, piece, start) for n, (_, piece, start) in enumerate(lines, 1))
    for index, (line, _, _) in enumerate(lines):
        notebook.bindings.extend(output_bindings(line, first + index, shown))


def _shown_name(lines: list[tuple[str, _At, int]]) -> str | None:
    """The one name a cell prints or displays as its value (`print(token)`, a last line `token`)."""
    names = {m.group(1) for line, _, _ in lines if (m := _SHOWN_NAME.search(line.strip())) and "=" not in line}
    return names.pop() if len(names) == 1 else None


def output_bindings(line: str, number: int, shown: str | None) -> list[Binding]:
    """`name = value` pairs of one output line; a bare value is bound to the name the cell shows."""
    found = [
        Binding(m.group(2), m.group(4), number, m.start(4) + 1, number, m.end(4) + 1, "output")
        for m in _OUTPUT_PAIR.finditer(line)
    ]
    bare = _BARE_VALUE.match(line)
    if not found and bare and shown is not None:
        found.append(Binding(shown, bare.group(2), number, bare.start(2) + 1, number, bare.end(2) + 1, "output"))
    return found


def _raw_offset(text: str, quote: int, index: int) -> int:
    """The offset in the JSON text of character `index` of the string whose quote is at `quote`."""
    raw = quote + 1
    for _ in range(index):
        if text[raw] != "\\":
            raw += 1
        elif text[raw + 1] != "u":
            raw += 2
        elif 0xD800 <= int(text[raw + 2 : raw + 6], 16) < 0xDC00 and text[raw + 6 : raw + 8] == "\\u":
            raw += 12  # a surrogate pair: one character
        else:
            raw += 6
    return raw
