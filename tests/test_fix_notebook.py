"""`keylint fix` in Jupyter notebooks: a cell's key becomes a lookup, a key in a saved output is
cleared with that output, and a notebook not in Jupyter's own form is reported, not rewritten."""

from __future__ import annotations

import json

from tests.cli_helpers import SECRET_A, SUB_KEY, VIPPS_API
from tests.conftest import write_tree
from tests.test_fix import findings, fix
from tests.test_notebook import cell, stream


def saved(*cells: dict) -> str:
    """A notebook as Jupyter saves it (nbformat: sorted keys, indent 1, a last newline)."""
    document = {"cells": [*cells, cell(VIPPS_API)], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def test_a_cell_key_becomes_a_lookup_and_a_printed_key_is_cleared_with_its_output(tmp_path, cli):
    text = saved(
        cell("import requests\n\n# from the portal\nCLIENT_SECRET = \"" + SECRET_A + "\"\n"),
        cell("!env | grep VIPPS\n", [stream(f"VIPPS_SUBSCRIPTION_KEY={SUB_KEY}\n")]),
        cell("len(CLIENT_SECRET)\n", [stream("32\n")]),
    )
    write_tree(tmp_path, {"explore.ipynb": text, ".env.example": ""})
    result = fix(cli, tmp_path)
    assert result.exit_code == 0, result.output
    assert 'explore.ipynb:' in result.output and '-> os.environ["VIPPS_CLIENT_SECRET"]' in result.output
    assert "the saved output of cell 2 cleared" in result.output
    fixed = json.loads((tmp_path / "explore.ipynb").read_text())
    assert fixed["cells"][0]["source"] == ["import requests\n", "import os\n", "\n", "# from the portal\n",
                                           'CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]\n']
    assert fixed["cells"][1]["source"] == ["!env | grep VIPPS\n"] and fixed["cells"][1]["outputs"] == []
    assert fixed["cells"][2]["outputs"] == [stream("32\n")]  # an output without a key stays
    assert SECRET_A not in result.output and SUB_KEY not in result.output
    assert findings(cli, tmp_path) == []
    assert (tmp_path / ".env.example").read_text() == "VIPPS_CLIENT_SECRET=\n"
    again = fix(cli, tmp_path)
    assert "0 finding(s) fixed" in again.output and (tmp_path / "explore.ipynb").read_text() == \
        json.dumps(fixed, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def test_a_notebook_not_in_jupyters_form_is_reported_not_rewritten(tmp_path, cli):
    document = {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                "cells": [cell(f'CLIENT_SECRET = "{SECRET_A}"\n'), cell(VIPPS_API)]}
    text = json.dumps(document, indent=2)  # keys unsorted, two-space indent: not how Jupyter saves it
    write_tree(tmp_path, {"explore.ipynb": text})
    result = fix(cli, tmp_path)
    assert result.exit_code == 1
    assert "not fixed explore.ipynb:" in result.output and "save it from Jupyter first" in result.output
    assert (tmp_path / "explore.ipynb").read_text() == text
