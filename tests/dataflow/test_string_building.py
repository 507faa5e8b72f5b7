"""A module constant counts as its text wherever a URL is built of it: `+`, `%` and str.format as
well as f-strings (keylint/dataflow/walk/strings.py): the MSN after an imported Management path."""

from __future__ import annotations

import pytest

from keylint.rules.packs import load_rules
from tests.conftest import scan_project

CONSTANTS = 'API = "https://api.vipps.no"\nSALES_UNITS = "/management/v1/sales-units"\n'
VIEW = '''
from flask import request
import requests
{imports}

def rename():
    msn = request.form["msn"]
    {local}return requests.patch({url}, json={{"name": request.form["name"]}}).json()
'''
URLS = {
    "plus": 'API + SALES_UNITS + "/" + msn',
    "plus of a base and the path": '(API + SALES_UNITS) + "/" + msn',
    "plus after an f-string": 'f"{API}{SALES_UNITS}" + "/" + msn',
    "percent tuple": '"%s%s/%s" % (API, SALES_UNITS, msn)',
    "percent dict": '"%(api)s%(path)s/%(msn)s" % {"msn": msn, "api": API, "path": SALES_UNITS}',
    "format positional": '"{}{}/{}".format(API, SALES_UNITS, msn)',
    "format keyword": '"{base}{path}/{msn}".format(msn=msn, base=API, path=SALES_UNITS)',
}


def _kl201(tmp_path, files) -> list:
    return [(f.path, f.line) for f in scan_project(tmp_path, files, load_rules()).findings if f.rule_id == "KL201"]


@pytest.mark.parametrize("url", URLS.values(), ids=URLS.keys())
def test_an_imported_path_constant_before_the_msn_is_the_sales_units_path(tmp_path, url):
    view = VIEW.format(imports="from paths import API, SALES_UNITS", local="", url=url)
    assert _kl201(tmp_path, {"paths.py": CONSTANTS, "views.py": view}) == [("views.py", 8)]


@pytest.mark.parametrize("url", URLS.values(), ids=URLS.keys())
def test_an_imported_constant_of_other_text_is_no_sales_units_path(tmp_path, url):
    view = VIEW.format(imports="from paths import API, SALES_UNITS", local="", url=url)
    paths = CONSTANTS.replace("management/v1/sales-units", "recurring/v3/agreements")
    assert _kl201(tmp_path, {"paths.py": paths, "views.py": view}) == []


@pytest.mark.parametrize("url", [URLS["plus"], URLS["percent tuple"], URLS["format positional"]])
def test_a_constant_of_the_same_module_counts_too_and_a_local_of_its_name_does_not(tmp_path, url):
    assert _kl201(tmp_path / "a", {"views.py": CONSTANTS + VIEW.format(imports="", local="", url=url)}) == [("views.py", 10)]
    local = 'SALES_UNITS = request.form["path"]\n    '
    assert _kl201(tmp_path / "b", {"views.py": CONSTANTS + VIEW.format(imports="", local=local, url=url)}) == []


def test_a_value_of_unknown_text_between_path_and_msn_breaks_the_slot(tmp_path):
    url = 'API + SALES_UNITS + "/" + current_unit() + "/" + msn'
    view = VIEW.format(imports="from paths import API, SALES_UNITS", local="", url=url)
    assert _kl201(tmp_path, {"paths.py": CONSTANTS, "views.py": view}) == []
