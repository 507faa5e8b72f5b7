"""The fallback for files keylint cannot analyse: a line-based search for hardcoded keys.

A Python file with a syntax error, JSON that is not valid even with comments allowed, or a file
whose analysis crashed, timed out or ran out of memory is still searched for `name = "value"`,
`"name": "value"` and `name="value"` pairs, which the `secret` kind then judges like any other
binding. Both patterns are linear: each quoted value is matched once, and the name before it is
read backwards from a short window.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from keylint.facts.bindings import Binding

_VALUE = re.compile(r"""(["'])([^"'\\\r\n]{1,400})\1""")
_NAME_BEFORE = re.compile(r"""\s*[:=]\s*\]?["']?([\w.\-]*[A-Za-z_])""")
"""A name followed by `:` or `=`, read backwards (on the reversed text before a value)."""
_LOOK_BACK = 80


def line_bindings(text: str) -> list[Binding]:
    """Every quoted string value with a name bound to it by `=` or `:` on the same line."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found = []
    for match in _VALUE.finditer(text):
        before = text[max(0, match.start() - _LOOK_BACK): match.start()].rpartition("\n")[2]
        name = _NAME_BEFORE.match(before[::-1])
        if name is None:
            continue
        line = bisect_right(starts, match.start(2))
        column = match.start(2) - starts[line - 1] + 1
        value = match.group(2)
        found.append(Binding(name.group(1)[::-1], value, line, column, line, column + len(value)))
    return found
