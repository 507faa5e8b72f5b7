"""`keylint fix` in Jupyter notebooks: a code cell's hard-coded key is fixed as in a Python module
(fix_python, on that cell's code), and a key printed into a saved output is removed by clearing
that cell's outputs (what "Clear output" does in Jupyter: the code is untouched).

The notebook is written back the way Jupyter writes it (sorted keys, one-space indent): a
notebook that is not already in that form is reported, not rewritten, since rewriting would
change every line of it.
"""

from __future__ import annotations

import json
from dataclasses import replace

import libcst as cst

from keylint.cli.fix_python import fix_python


def fix_notebook(text: str, targets: list) -> tuple[str, list]:
    """(new text, [(finding, replacement or None, reason)]) for (finding, secret, rule) targets; a
    notebook is not application code, so keys become environment lookups, never Django settings."""
    try:
        data = json.loads(text)
        cells = data["cells"]
    except (ValueError, KeyError, TypeError):
        return text, [(f, None, "not a notebook keylint can rewrite") for f, _, _ in targets]
    if _dump(data) != text:
        return text, [(f, None, "the notebook is not in the form Jupyter saves (sorted keys, one-space "
                                "indent): rewriting it would change every line; save it from Jupyter first")
                      for f, _, _ in targets]
    outcomes: list = []
    in_code: dict[int, list] = {}
    for finding, secret, rule in targets:
        place = finding.cell
        if place is None:
            outcomes.append((finding, None, "the key is not in a cell"))
        elif place.output:
            _clear_outputs(cells[place.cell - 1])
            outcomes.append((finding, f"the saved output of cell {place.cell} cleared", ""))
        else:
            in_code.setdefault(place.cell, []).append((finding, secret, rule))
    for number, items in sorted(in_code.items()):
        outcomes += _fix_cell(cells[number - 1], number, items)
    return _dump(data), outcomes


def _fix_cell(cell: dict, number: int, items: list) -> list:
    """Fix one code cell's keys (positions within the cell) and map the outcomes back."""
    source = cell["source"]
    code = "".join(source) if isinstance(source, list) else source
    original = {}
    targets = []
    for finding, secret, rule in items:
        within = replace(finding, line=finding.cell.line, column=finding.cell.column)
        original[id(within)] = finding
        targets.append((within, secret, rule))
    try:
        new, results = fix_python(code, targets)
    except cst.ParserSyntaxError:
        return [(f, None, f"cell {number} holds syntax LibCST cannot parse (IPython magics)") for f, _, _ in items]
    cell["source"] = new.splitlines(keepends=True) if isinstance(source, list) else new
    return [(original[id(within)], replacement, reason) for within, replacement, reason in results]


def _clear_outputs(cell: dict) -> None:
    cell["outputs"] = []
    if "execution_count" in cell:
        cell["execution_count"] = None


def _dump(data) -> str:
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
