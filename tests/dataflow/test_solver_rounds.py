"""The project solver's rounds skip work whose inputs did not change (keylint/dataflow/changes.py),
and module constants formatted into a URL count as its text (the MSN slot of a Management URL)."""

from __future__ import annotations

from pathlib import Path

from keylint.dataflow.changes import Changes
from keylint.rules.packs import load_rules
from tests.conftest import scan_project

TENANTPAY = Path(__file__).resolve().parents[1] / "eval" / "apps" / "tenantpay"


def _findings(report) -> list:
    return [(f.rule_id, f.path, f.line, f.message, repr(f.flow)) for f in report.findings]


def test_skipping_unchanged_work_finds_exactly_what_recomputing_everything_finds(monkeypatch, tmp_path):
    files = {str(p.relative_to(TENANTPAY)): p.read_text("utf-8") for p in TENANTPAY.rglob("*") if p.is_file()}
    rules = load_rules()
    skipping = _findings(scan_project(tmp_path / "a", files, rules))
    monkeypatch.setattr(Changes, "_unchanged", lambda self, reads, clock: False)  # every unit runs every round
    assert _findings(scan_project(tmp_path / "b", files, rules)) == skipping
    assert len(skipping) > 30


CONSTANTS = 'API = "https://api.vipps.no"\nSALES_UNITS = "/management/v1/sales-units"\n'
VIEW = '''
from flask import request
import requests
{imports}

def rename():
    msn = request.form["msn"]
    {local}return requests.patch(f"{{API}}{{SALES_UNITS}}/{{msn}}", json={{"name": request.form["name"]}}).json()
'''


def _kl201(tmp_path, files) -> list:
    return [(f.path, f.line) for f in scan_project(tmp_path, files, load_rules()).findings if f.rule_id == "KL201"]


def test_an_imported_path_constant_before_the_msn_is_the_sales_units_path(tmp_path):
    view = VIEW.format(imports="from paths import API, SALES_UNITS", local="")
    assert _kl201(tmp_path, {"paths.py": CONSTANTS, "views.py": view}) == [("views.py", 8)]


def test_a_constant_of_the_same_module_counts_too(tmp_path):
    assert _kl201(tmp_path, {"views.py": CONSTANTS + VIEW.format(imports="", local="")}) == [("views.py", 10)]


def test_a_local_variable_of_the_same_name_is_no_constant(tmp_path):
    view = CONSTANTS + VIEW.format(imports="", local='SALES_UNITS = request.form["path"]\n    ')
    assert _kl201(tmp_path, {"views.py": view}) == []


def test_an_imported_constant_of_other_text_is_no_sales_units_path(tmp_path):
    view = VIEW.format(imports="from paths import API, SALES_UNITS", local="")
    assert _kl201(tmp_path, {"paths.py": CONSTANTS.replace("management/v1/sales-units", "recurring/v3/agreements"), "views.py": view}) == []


HEADERS = 'MSN_HEADER = "Merchant-Serial-Number"\nIDEMPOTENCY_HEADER = "Idempotency-Key"\n'
CAPTURE = '''
from flask import request
import requests
from names import IDEMPOTENCY_HEADER, MSN_HEADER


def capture(reference):
    {store}
    return requests.post(f"https://api.vipps.no/epayment/v1/payments/{{reference}}/capture", headers=headers).json()
'''


def test_a_header_stored_under_an_imported_name_is_that_header(tmp_path):
    stores = {
        'headers = {}\n    headers[MSN_HEADER] = request.form["msn"]': [("views.py", 9)],
        'headers = {MSN_HEADER: request.form["msn"]}': [("views.py", 8)],
        'headers = {IDEMPOTENCY_HEADER: request.form["msn"]}': [],
    }
    for n, (store, expected) in enumerate(stores.items()):
        assert _kl201(tmp_path / str(n), {"names.py": HEADERS, "views.py": CAPTURE.format(store=store)}) == expected, store
