"""Fixtures shared by the test modules."""

from adopt_helpers import repo  # noqa: F401  (the temp git repository + cwd fixture)
