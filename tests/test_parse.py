from pathlib import Path

import pytest

from keylint.pipeline.parse import ParseFailure, decode, parse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_binary_file_is_refused_with_reason():
    with pytest.raises(ParseFailure, match="binary"):
        decode(b"\x00\x01\x02PNG", "python")


def test_non_utf8_config_names_the_offending_byte():
    with pytest.raises(ParseFailure, match=r"not valid utf-8 \(byte 0xff at offset 4\)"):
        decode(b"key=\xff\xfe", "env")


def test_python_encoding_cookie_is_honoured():
    text = decode("# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n".encode("latin-1"), "python")
    assert "café" in text


def test_utf8_bom_is_dropped():
    assert decode(b"\xef\xbb\xbfx = 1\n", "python") == "x = 1\n"


@pytest.mark.parametrize("source", ["def f(:\n    pass\n", 'print "python 2"\n'])
def test_python_syntax_errors_say_where(source):
    with pytest.raises(ParseFailure, match=r"Python syntax error at line 1, column \d+"):
        parse("x.py", source, "python")


@pytest.mark.parametrize(
    "kind,text,message",
    [
        ("yaml", "a: [1, 2\n", "invalid YAML"),
        ("json", '{"a": 1,,}', "invalid JSON at line 1"),
        ("toml", "a = \n", "invalid TOML"),
        ("ini", "no section header\nkey = value\n", "invalid INI"),
    ],
)
def test_broken_config_files_are_reported(kind, text, message):
    with pytest.raises(ParseFailure, match=message):
        parse(f"f.{kind}", text, kind)


def test_positions_are_libcsts_own():
    """ParsedFile.positions computes spans itself (keylint/facts/positions.py); they must be PositionProvider's."""
    from libcst.metadata import PositionProvider

    text = (EXAMPLES / "partner_app" / "shophub" / "app.py").read_text("utf-8")
    text += 'def f(a,\r\n      b="x"):\n    return (a\n            + b)  # c\n\n\nclass C(  # k\n    B):\n    """d\n    e"""\n'
    mine = parse("m.py", text, "python")
    theirs = parse("m.py", text, "python").wrapper.resolve(PositionProvider)

    def spans(positions, to_tuple):
        return sorted((*to_tuple(span), type(node).__name__) for node, span in positions.items())

    assert len(mine.positions) > 500
    assert spans(mine.positions, tuple) == spans(theirs, lambda r: (r.start.line, r.start.column, r.end.line, r.end.column))

