"""The wheel must carry every subpackage and the shipped packs (pyproject lists packages explicitly)."""

import sys

from tests.conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "keylint").rglob("__init__.py")
    }
    assert found | {"keylint.shipped_rules"} == listed
