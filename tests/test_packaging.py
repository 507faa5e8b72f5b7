"""Every keylint subpackage is listed in pyproject.toml, so a non-editable install (the GitHub
action's `pip install`, pre-commit's) gets all of the code."""

from __future__ import annotations

from pathlib import Path

from keylint.config import tomllib

TOP = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_packaged():
    listed = set(tomllib.loads((TOP / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(TOP).parts) for p in (TOP / "keylint").rglob("__init__.py")}
    assert found - listed == set()
