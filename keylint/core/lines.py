"""The one line model: where lines end, as the parsers that give keylint its line numbers count them.

Python's tokenizer and LibCST end a line at `\\r\\n`, `\\r` or `\\n`; PyYAML also at `\\x85`, `\\u2028`
and `\\u2029`. `str.splitlines()` also breaks at `\\f`, `\\v` and `\\x1c`-`\\x1e` (and at the YAML
ones in every file), so one form feed early in a file would shift every snippet after it.
"""

from __future__ import annotations

import re

NEWLINE = re.compile(r"\r\n?|\n")
_YAML_NEWLINE = re.compile("\r\n?|[\n\x85\u2028\u2029]")


def split_lines(text: str, kind: str = "python", keepends: bool = False) -> list[str]:
    """The lines of a file of `kind`, without their line breaks unless `keepends` (a final break
    ends the last line)."""
    pattern = _YAML_NEWLINE if kind == "yaml" else NEWLINE
    ends = [match.end() for match in pattern.finditer(text)] if keepends else []
    lines = [text[a:b] for a, b in zip([0, *ends], [*ends, len(text)])] if keepends else pattern.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines


def position(text: str, offset: int) -> tuple[int, int]:
    """(line from 1, column from 0) of `offset` in `text`."""
    if "\r" not in text:
        return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1)
    breaks = list(NEWLINE.finditer(text, 0, offset))
    return len(breaks) + 1, offset - (breaks[-1].end() if breaks else 0)
