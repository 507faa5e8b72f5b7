"""Jupyter notebooks: code cells scanned by every rule, saved outputs by the hardcoded-secret rules,
findings placed in the .ipynb file (line, column) and in the notebook (cell, line in cell)."""

from __future__ import annotations

import json

import pytest

from keylint.facts.notebook import NotebookError, cell_python, read
from tests.cli_helpers import CLIENT_ID, SECRET_A, SECRET_B, SUB_KEY, VIPPS_API
from tests.conftest import scan_project

JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjFhMmIifQ.eyJzdWIiOiJwYXJ0bmVyLTQyIiwiYXVkIjoidmlwcHMifQ.dGhpc2lzbm90YXJlYWxzaWc"


def cell(source: str, outputs: list | None = None, kind: str = "code") -> dict:
    found = {"cell_type": kind, "metadata": {}, "source": source.splitlines(keepends=True)}
    if kind == "code":
        found.update(execution_count=1, outputs=outputs or [])
    return found


def notebook(*cells: dict, vipps: bool = True) -> str:
    """A notebook as Jupyter writes it (indent 1, one JSON string per source line); unless `vipps`
    is false, a last cell shows that it is Vipps code (generic key names need such evidence)."""
    cells = (*cells, cell(VIPPS_API)) if vipps else cells
    return json.dumps({"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


def stream(text: str) -> dict:
    return {"output_type": "stream", "name": "stdout", "text": text.splitlines(keepends=True)}


def result(text: str) -> dict:
    return {"output_type": "execute_result", "execution_count": 1, "metadata": {}, "data": {"text/plain": [text]}}


def json_position(text: str, needle: str) -> tuple[int, int]:
    """(line, column) of `needle` in the file's text, 1-based."""
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def where(findings) -> list[tuple]:
    return [(f.rule_id, f.line, f.column, f.cell.cell, f.cell.line, f.cell.column, f.cell.output) for f in findings]


def test_code_cell_findings_name_the_json_line_and_the_cell_line(tmp_path, shipped_rules):
    text = notebook(
        cell("# Vipps keys\n", kind="markdown"),
        cell("import os\n"),
        cell(f'client_id = "{CLIENT_ID}"\nCLIENT_SECRET = "{SECRET_A}"\n'),
    )
    report = scan_project(tmp_path, {"explore.ipynb": text}, shipped_rules)
    id_line, id_column = json_position(text, CLIENT_ID)
    secret_line, secret_column = json_position(text, SECRET_A)
    # The Python literal starts at its quote, written \" in the JSON string: two characters before the value.
    assert where(report.findings) == [
        ("KL103", id_line, id_column - 2, 3, 1, 13, False),
        ("KL101", secret_line, secret_column - 2, 3, 2, 17, False),
    ]
    assert report.errors == []
    assert SECRET_A not in json.dumps([f.to_dict() for f in report.findings])


def test_one_string_source_and_escapes_place_columns_exactly(tmp_path, shipped_rules):
    """nbformat also allows a cell's source as one string; JSON escapes before the value shift columns."""
    source = f'note = "tab\\there, caf\\u00e9 \\ud83d\\ude00"\nSECRET = os.getenv("VIPPS_CLIENT_SECRET", "{SECRET_A}")\n'
    text = json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [],
                                  "source": "import os\n" + source}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    text = text.replace("caf\\\\u00e9", "caf\\u00e9").replace("\\\\ud83d\\\\ude00", "\\ud83d\\ude00")
    report = scan_project(tmp_path, {"one.ipynb": text}, shipped_rules)
    line, column = json_position(text, SECRET_A)
    assert where(report.findings) == [("KL101", line, column - 2, 1, 3, 43, False)]


def test_magics_and_shell_lines_do_not_stop_the_cell(tmp_path, shipped_rules):
    text = notebook(
        cell("%matplotlib inline\n!pip install requests\nfiles = !ls -la\nos.environ?\n%time x = 1\n"
             f'if True:\n    !echo start \\\n        more\nSUBSCRIPTION_KEY = "{SUB_KEY}"\n'),
        cell(f"%%bash\nexport VIPPS_CLIENT_SECRET={SECRET_B}\n"),
        cell(f'%%time\nACCESS_TOKEN = "{JWT}"\n'),
    )
    report = scan_project(tmp_path, {"magic.ipynb": text}, shipped_rules)
    assert [(f.rule_id, f.cell.cell, f.cell.line) for f in report.findings] == [("KL102", 1, 9), ("KL104", 3, 2)]
    assert report.errors == []


def test_a_cell_that_is_not_python_is_reported_and_the_others_are_analysed(tmp_path, shipped_rules):
    text = notebook(cell("def broken(:\n    pass\n"), cell(f'CLIENT_SECRET = "{SECRET_A}"\n'))
    report = scan_project(tmp_path, {"half.ipynb": text}, shipped_rules)
    assert [(f.rule_id, f.cell.cell) for f in report.findings] == [("KL101", 2)]
    assert [e.message for e in report.errors] == [
        "cell 1: Python syntax error at line 1: invalid syntax; the cell was not analysed"
    ]


@pytest.mark.parametrize("text, message", [
    ('{not json "client_secret"', "invalid notebook JSON at line 1"),
    ('{"nbformat": 3, "worksheets": [], "client_secret": 1}', "not a Jupyter notebook (nbformat 4)"),
    ('["client_secret"]', "not a Jupyter notebook (nbformat 4)"),
])
def test_a_file_that_is_not_a_notebook_is_an_error_not_a_crash(tmp_path, shipped_rules, text, message):
    files = {"bad.ipynb": text, "good.py": f'CLIENT_SECRET = "{SECRET_A}"\n' + VIPPS_API}
    report = scan_project(tmp_path, files, shipped_rules)
    assert [f.path for f in report.findings] == ["good.py"]
    assert [e.path for e in report.errors] == ["bad.ipynb"] and message in report.errors[0].message


def test_saved_outputs_are_read_by_the_hardcoded_secret_rules(tmp_path, shipped_rules):
    text = notebook(
        cell("token = get_token()\nprint(token)\n", [stream(JWT + "\n")]),
        cell("headers\n", [result(f"{{'client_id': '{CLIENT_ID}', 'client_secret': '{SECRET_B}'}}")]),
        cell("!env | grep VIPPS\n", [stream(f"VIPPS_SUBSCRIPTION_KEY={SUB_KEY}\n")]),
    )
    report = scan_project(tmp_path, {"leak.ipynb": text}, shipped_rules)
    placed = [(f.rule_id, f.line, f.column, f.cell.cell, f.cell.output) for f in report.findings]
    assert placed == [
        ("KL104", *json_position(text, JWT), 1, True),
        ("KL103", *json_position(text, CLIENT_ID), 2, True),
        ("KL101", *json_position(text, SECRET_B), 2, True),
        ("KL102", *json_position(text, SUB_KEY), 3, True),
    ]
    assert all(SECRET_B not in f.snippet and JWT not in f.snippet for f in report.findings)


def test_outputs_without_a_real_key_and_non_secret_rules_stay_quiet(tmp_path, shipped_rules):
    """Masked, placeholder and nameless values in outputs are no finding; outputs are not code:
    text in an output that would be a flow in a cell is not analysed as one."""
    text = notebook(
        cell("print(settings)\n", [stream("client_secret: ****\nVIPPS_CLIENT_SECRET=<your-client-secret>\n")]),
        cell("digest\n", [result(f"'{SUB_KEY}'")]),  # a hex digest shown without a key name
        cell("print(a, b)\n", [stream(f"{SECRET_A}\n")]),  # two names shown: which one is unknown
        cell("1\n", [stream('logging.info(headers)  # {"client_secret": client_secret}\n'
                            "headers['Merchant-Serial-Number'] = request.args['msn']\n")]),
    )
    report = scan_project(tmp_path, {"quiet.ipynb": text}, shipped_rules)
    assert report.findings == [] and report.errors == []


def test_data_flows_cross_cells_and_name_lines_of_the_file(tmp_path, shipped_rules):
    text = notebook(
        cell("import logging, os\nlogger = logging.getLogger(__name__)\n%load_ext autoreload\n"),
        cell('SUB_KEY = os.environ["VIPPS_SUBSCRIPTION_KEY"]\n'),
        cell('headers = {"client_id": "app", "Ocp-Apim-Subscription-Key": SUB_KEY}\n'),
        cell('logger.debug("token request headers=%s", headers)\n'),
    )
    report = scan_project(tmp_path, {"flow.ipynb": text}, shipped_rules)
    assert [(f.rule_id, f.cell.cell, f.cell.line) for f in report.findings] == [("KL401", 4, 1)]
    finding = report.findings[0]
    stored_line, _ = json_position(text, '"headers = {')
    assert finding.line == json_position(text, '"logger.debug(')[0]
    # the evidence (the module's first Vipps marker, the VIPPS_ variable's name), the source, the store, the sink
    evidence_line, _ = json_position(text, '"SUB_KEY = ')
    assert [step.line for step in finding.flow] == [evidence_line, stored_line, stored_line, finding.line]
    assert f"line {stored_line})" in finding.message


def test_suppression_in_a_cell_and_fingerprints_that_survive_a_new_cell(tmp_path, shipped_rules):
    leak = cell(f'CLIENT_SECRET = "{SECRET_A}"\nclient_id = "{CLIENT_ID}"  # keylint: ignore[KL103] -- public test app\n')
    before = scan_project(tmp_path / "a", {"n.ipynb": notebook(leak)}, shipped_rules)
    after = scan_project(tmp_path / "b", {"n.ipynb": notebook(cell("# intro\n", kind="markdown"), cell("x = 1\n"), leak)},
                         shipped_rules)
    assert [f.rule_id for f in before.findings] == ["KL101"] and before.suppressed == 1
    assert [f.fingerprint for f in after.findings] == [f.fingerprint for f in before.findings]
    assert after.findings[0].line > before.findings[0].line


def test_notebooks_are_discovered_and_prefiltered(tmp_path, shipped_rules):
    files = {"plain.ipynb": notebook(cell("print('hello')\n"), vipps=False), "keys.ipynb": notebook(cell(f'CLIENT_SECRET = "{SECRET_A}"\n'))}
    report = scan_project(tmp_path, files, shipped_rules)
    assert report.files_scanned == 2 and report.prefiltered == 1
    assert [f.path for f in report.findings] == ["keys.ipynb"]


def test_cli_text_shows_the_cell_and_ci_formats_the_file_line(tmp_path, cli):
    text = notebook(cell("x = 1\n"), cell(f'CLIENT_SECRET = "{SECRET_A}"\n'))
    (tmp_path / "nb.ipynb").write_text(text, encoding="utf-8")
    line, column = json_position(text, SECRET_A)
    shown = cli(["scan", "--no-cache", "nb.ipynb"], cwd=tmp_path).output
    assert f"nb.ipynb:{line}:{column - 2}: KL101" in shown and "(cell 2, line 1)" in shown
    assert "    1 | CLIENT_SECRET = " in shown
    github = cli(["scan", "--no-cache", "--format", "github", "nb.ipynb"], cwd=tmp_path).output
    assert f"file=nb.ipynb,line={line}," in github


def test_cell_python_keeps_valid_python_and_line_counts():
    # A line starting with `%` inside brackets is Python (a modulo), not a magic.
    assert cell_python(["x = (a", "   % b)"]) == (["x = (a", "   % b)"], None)
    assert cell_python(["%%html", "<b>hi</b>"]) == (["", ""], None)
    assert cell_python(["!ls", "y = %env HOME", "obj??"]) == (["pass", "y = None", "pass"], None)
    lines, error = cell_python(["for x in", "  y"])
    assert lines == ["", ""] and error.startswith("Python syntax error")


def test_read_rejects_a_notebook_without_cells():
    with pytest.raises(NotebookError):
        read('{"metadata": {}}')
