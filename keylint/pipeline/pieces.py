"""A large module's LibCST tree, parsed in pieces: LibCST's native parser holds about ten times
the finished tree's memory while it parses (~1.2 GB for a 100,000-line module, most of the scan's
peak); pieces of PIECE_LINES lines hold that for one piece at a time.

The pieces are cut between top-level statements, only where nothing between two statements can
belong to the first one (only empty lines and comments at column 0, no line continuation), and
joined into the tree a whole parse gives: the empty lines that open a piece are the leading lines
of its first statement. Anything that could differ (the module's detected indentation or line
break, a piece LibCST rejects) falls back to the whole parse. tests/test_pieces.py compares the
trees node for node.
"""

from __future__ import annotations

import ast

import libcst as cst

from keylint.core.lines import split_lines

PIECE_LINES = 2000
"""Lines per piece (at least; a piece ends where a statement does). A module under twice this is
parsed whole."""


def statement_lines(tree: ast.Module) -> list[tuple[int, int]]:
    """(first line, last line) of each top-level statement in CPython's tree, decorators included:
    all parse_in_pieces needs of it (the tree itself, large for a large module, can go)."""
    return [(min([s.lineno, *(d.lineno for d in getattr(s, "decorator_list", ()))]), s.end_lineno) for s in tree.body]


def parse_in_pieces(text: str, statements: list[tuple[int, int]]) -> cst.Module | None:
    """The LibCST tree of `text`, whose top-level statements span `statements` (statement_lines),
    from pieces; None when the text is too short to cut, or cannot be cut safely: the caller
    parses it whole."""
    lines = split_lines(text, keepends=True)
    cuts = _cuts(lines, statements)
    if len(cuts) < 3:
        return None
    try:
        pieces = [cst.parse_module("".join(lines[start:end])) for start, end in zip(cuts, cuts[1:])]
    except cst.ParserSyntaxError:
        return None  # the whole parse reports it, with the file's line numbers
    first, last = pieces[0], pieces[-1]
    if any(p.default_indent != first.default_indent or p.default_newline != first.default_newline for p in pieces):
        return None
    body = list(first.body)
    for piece in pieces[1:]:
        if not piece.body or (piece is not last and piece.footer):
            return None
        opening = piece.body[0]
        body.append(opening.with_changes(leading_lines=[*piece.header, *opening.leading_lines]))
        body.extend(piece.body[1:])
    return first.with_changes(body=body, footer=last.footer, has_trailing_newline=last.has_trailing_newline)


def _cuts(lines: list[str], statements: list[tuple[int, int]]) -> list[int]:
    """Line offsets where pieces start (0, ..., len(lines)): after a top-level statement, at
    least PIECE_LINES lines after the last cut, where the lines up to the next one are all empty
    or comments at column 0 and the statement does not end in a line continuation."""
    cuts = [0]
    for (_, end), (first, _) in zip(statements, statements[1:]):
        start = first - 1  # 0-based: the lines between the statements are lines[end:start]
        if end - cuts[-1] < PIECE_LINES or start < end or lines[end - 1].rstrip("\r\n").endswith("\\"):
            continue
        if all(line.startswith("#") or not line.strip("\r\n") for line in lines[end:start]):
            cuts.append(end)
    if len(cuts) > 1 and len(lines) - cuts[-1] < PIECE_LINES:
        cuts.pop()  # the last piece joins the one before
    return [*cuts, len(lines)]
