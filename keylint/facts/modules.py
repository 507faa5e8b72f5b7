"""Module names and import statements, from paths and text alone (no LibCST)."""

from __future__ import annotations

import re

IMPORT_STATEMENT = re.compile(r"^[ \t]*(?:from[ \t]+[\w.]+[ \t]+import[ \t]*(?:\([^)]*\)|[^\n]*)|import[ \t]+[^\n]*)", re.M)
"""An import statement at the start of a line (a parenthesised name list may span lines)."""

_WORD = re.compile(r"\w+")

WANTED_GLOB = "glob:"
"""A wanted name (keylint/project.py) that is a glob over module names: the settings modules."""


def module_name(rel_path: str) -> str:
    """`pkg/sub/mod.py` -> `pkg.sub.mod`; a package's `__init__.py` names the package."""
    parts = rel_path.replace("\\", "/").split("/")
    parts[-1] = parts[-1].rsplit(".", 1)[0]
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(p for p in parts if p not in ("", "."))


def import_words(text: str) -> frozenset[str]:
    """Every word of the text's import statements: a module named by none is not imported.

    Found from each `import` or `from` that starts a line (str.find, several times faster
    than running IMPORT_STATEMENT over the whole text)."""
    words: set[str] = set()
    for keyword in ("import", "from"):
        at = text.find(keyword)
        while at >= 0:
            line_start = text.rfind("\n", 0, at) + 1
            statement = IMPORT_STATEMENT.match(text, line_start) if not text[line_start:at].strip() else None
            if statement is not None:
                words.update(_WORD.findall(statement.group(0)))
            at = text.find(keyword, at + len(keyword))
    return frozenset(words)
