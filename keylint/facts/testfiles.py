"""Which files are tests: a finding in one is reported at low confidence, and a flow through one
is no finding in application code (what only a test passes is a fake)."""

from __future__ import annotations

import fnmatch
from functools import lru_cache

TEST_PATTERNS = ("tests/*", "test/*", "*/tests/*", "*/test/*", "test_*.py", "*/test_*.py", "*_test.py", "conftest.py", "*/conftest.py")


@lru_cache(maxsize=4096)  # asked for every step of every flow: the same few paths
def is_test_path(rel_path: str) -> bool:
    return any(fnmatch.fnmatchcase(rel_path, p) for p in TEST_PATTERNS)
