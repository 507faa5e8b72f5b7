"""Text from scanned files made safe to show.

A scanned line may hold an escape sequence (it would reach the terminal), a character XML 1.0
cannot carry (a JUnit report would not be well-formed), a line break other than `\\n`, or a
bidirectional override that makes code read differently from what it is. Each is shown as a
Python-style escape (`\\x1b`, `\\u2028`), so the report still shows what is in the file.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with control, line-break, bidi and XML-illegal characters escaped; tab and newline kept."""
    return _UNSAFE.sub(_escape, text)
