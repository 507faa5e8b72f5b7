"""Reference passes for the benchmark: what reading every file costs, without keylint.

    python bench/reference.py regex TREE   # read every file keylint would read, one regex search
    python bench/reference.py ast TREE     # ast.parse every Python file
"""

from __future__ import annotations

import ast
import os
import re
import sys

SUFFIXES = (".py", ".pyi", ".env", ".yaml", ".yml", ".json", ".toml", ".ini", ".cfg")
PATTERN = re.compile(rb"(?i)(client.?secret|subscription.?key|apim|client.?id|eyJ)")


def files(root: str):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.endswith(SUFFIXES) or name.startswith(".env"):
                yield os.path.join(dirpath, name)


def main(mode: str, root: str) -> int:
    hits = 0
    for path in files(root):
        with open(path, "rb") as handle:
            data = handle.read()
        if mode == "regex":
            hits += PATTERN.search(data) is not None
        elif path.endswith(".py"):
            try:
                ast.parse(data)
            except (SyntaxError, ValueError):
                pass
    print(hits)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
