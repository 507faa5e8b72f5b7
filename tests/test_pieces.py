"""A large module is parsed in pieces (keylint/pipeline/pieces.py): the joined tree must be the
tree a whole parse gives, node for node, and the scan's findings the same."""

from __future__ import annotations

import ast

import libcst as cst
import pytest

import keylint.pipeline.pieces as pieces
from keylint.pipeline.parse import parse
from keylint.pipeline.pieces import parse_in_pieces, statement_lines
from tests.conftest import EXAMPLE_APP, REPO


@pytest.fixture
def small_pieces(monkeypatch):
    """A cut after every statement where one is allowed."""
    monkeypatch.setattr(pieces, "PIECE_LINES", 1)


def _same_as_whole(text: str) -> bool | None:
    """Whether the pieced tree is the whole parse's (None: the text was parsed whole)."""
    joined = parse_in_pieces(text, statement_lines(ast.parse(text)))
    if joined is None:
        return None
    return joined.deep_equals(cst.parse_module(text)) and joined.code == text


def test_keylints_own_modules_parsed_in_pieces_are_their_whole_trees(small_pieces):
    files = sorted((REPO / "keylint").rglob("*.py")) + sorted(EXAMPLE_APP.rglob("*.py"))
    outcomes = [_same_as_whole(path.read_text("utf-8")) for path in files]
    assert False not in outcomes
    assert outcomes.count(True) > 80


@pytest.mark.parametrize("text", [
    "x = 1\n\n# note\ny = 2\n",
    "# header\n\n# more\nimport os\n\n\ndef f():\n    return 1\n\n\n# between\n\nclass A:\n    pass\n# after\nz = 3",
    "def f():\n    x = 1\n    # indented, after the block\n\n# column 0\n\ny = 2\n",
    "def f():\n    x = 1\n\n    # indented after a blank line\ny = 2\n",
    "x = 1\ndef f():\n  return 2\n\n\nclass B:\n  y = 3\n",
    "x = 1\r\n\r\ndef f():\r\n    return 2\r\n\r\ny = 3\r\n",
    "x = 1\n\ndef f():\r\n    return 2\r\n\ny = 3\n",
    "x = 1\n\n@decorate\n@other(1)\ndef f():\n    pass\n\n\n@decorate\nclass C:\n    pass\n",
    "a = 1; b = 2\nc = 3; d = 4\n\ne = 5\n",
    "x = 1 + \\\n    2\n\ny = 3 \\\n\nz = 4\n",
    "x = 1\n\x0c\ny = 2\n\n  \nz = 3\n",
    "if x:\n\tpass\nelse:\n\tpass\n\ntry:\n\tpass\nfinally:\n\tpass\n\n\nw = '''\n\nnot a statement\n'''\nv = 1\n",
])
def test_tricky_texts_are_joined_exactly_or_parsed_whole(small_pieces, text):
    assert _same_as_whole(text) is not False


def test_ordinary_statements_are_cut(small_pieces):
    assert _same_as_whole("x = 1\n\n# note\ny = 2\n\n\ndef f():\n    return x\n\n\nz = f()\n") is True


def test_a_large_module_reaches_libcst_in_pieces(monkeypatch):
    """Counted, not timed: no text LibCST is given is the whole module."""
    monkeypatch.setattr(pieces, "PIECE_LINES", 200)
    module = _big_module()
    seen = []
    real = cst.parse_module
    monkeypatch.setattr(cst, "parse_module", lambda text, *a: seen.append(len(text)) or real(text, *a))
    parsed = parse("big.py", module, "python")
    assert len(seen) > 1 and max(seen) < len(module) and sum(seen) == len(module)
    assert parsed.wrapper.module.code == module


def test_a_scan_of_a_large_module_finds_the_same_in_pieces(monkeypatch, tmp_path, scan_json):
    monkeypatch.setattr(pieces, "PIECE_LINES", 200)
    (tmp_path / "big.py").write_text(_big_module(), "utf-8")
    _, pieced = scan_json(tmp_path, "--no-cache", "--max-file-size", "0")
    monkeypatch.setattr(pieces, "PIECE_LINES", 10**9)
    _, whole = scan_json(tmp_path, "--no-cache", "--max-file-size", "0")
    for document in (pieced, whole):
        document["stats"].pop("duration_s")
    assert pieced == whole and pieced["findings"]


def _big_module() -> str:
    """The example app's modules one after another, twice: over 2 * PIECE_LINES lines."""
    parts = [path.read_text("utf-8") for path in sorted(EXAMPLE_APP.rglob("*.py"))]
    parts = ["\n".join(line for line in part.splitlines() if not line.startswith("from __future__")) for part in parts]
    text = "\n\n".join(parts * 2) + "\n"
    copies = -(-2 * pieces.PIECE_LINES // text.count("\n")) + 1
    return text * copies
