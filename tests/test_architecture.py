"""docs/architecture.md describes the package as it is: its folders and the layer contract."""

import re
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_the_tree_in_the_doc_lists_every_package_of_keylint_and_no_other():
    tree = DOC.split("```\nkeylint/\n", 1)[1].split("```", 1)[0]
    documented = set(re.findall(r"^  (\w+)/", tree, re.M))
    packages = {p.parent.name for p in (ROOT / "keylint").glob("*/__init__.py")}
    assert documented == packages
    entries = [p for p in (ROOT / "keylint").iterdir() if p.name != "__pycache__"]
    assert len(entries) <= 10, sorted(p.name for p in entries)


def test_the_layers_in_the_doc_are_the_import_contract():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    line = re.search(r"^    (cli > .*)$", DOC, re.M).group(1)
    assert line == " > ".join(layer.replace("keylint.", "") for layer in layers)
