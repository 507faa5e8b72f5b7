"""The Python binding walker: what it collects, in which scope, and where (both ways of locating)."""

from keylint.facts.bindings import CallPair
from keylint.facts.python_bindings import PythonBindingCollector
from keylint.pipeline.parse import parse

CODE = '''import os

A = "one"
b: str = "two"
x, y = "three", "four"
D = {"key": "five"}
os.getenv("NAME", "six")


class C:
    def f(self, p="seven"):
        call(kw=("eight"))  # parenthesised: located by full code generation
        self.attr = "one"  # "one" again: located by full code generation
'''


def _bindings(code, keep=lambda name, value: True):
    parsed = parse("t.py", code, "python")
    collector = PythonBindingCollector((CallPair(("os.getenv",), 0, 1, None),), keep)
    collector.walk(parsed.wrapper.module)
    return collector.bindings(parsed)


def test_collects_every_kind_of_binding_with_scope_and_position():
    found = {(b.name, b.value, b.line, b.column, b.end_line, b.end_column, b.scope) for b in _bindings(CODE)}
    assert found == {
        ("A", "one", 3, 5, 3, 10, ""),
        ("b", "two", 4, 10, 4, 15, ""),
        ("x", "three", 5, 8, 5, 15, ""),
        ("y", "four", 5, 17, 5, 23, ""),
        ("key", "five", 6, 13, 6, 19, ""),
        ("NAME", "six", 7, 19, 7, 24, ""),
        ("p", "seven", 11, 19, 11, 26, "C.f"),
        ("kw", "eight", 12, 18, 12, 25, "C.f"),
        ("attr", "one", 13, 21, 13, 26, "C.f"),
    }


def test_keep_decides_what_is_collected():
    assert [b.value for b in _bindings(CODE, keep=lambda name, value: name == "y")] == ["four"]
    assert _bindings(CODE, keep=lambda name, value: False) == []
