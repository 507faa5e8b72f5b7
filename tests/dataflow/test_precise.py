"""Issue 17: facts that stay apart in a real codebase — dict entries chosen by name, deployments,
instances of one class, optional arguments (the shipped key-type rules on small projects)."""

from __future__ import annotations

from keylint.dataflow import facts as F
from keylint.dataflow.environments import select, worlds
from keylint.rules.packs import load_rules
from tests.conftest import scan_project

STEP = ("m.py", 1, "source: x")


def fact(*labels, keys=()):
    return {(F.src(labels, keys), ()): (STEP,)}


def test_an_entry_looked_up_by_a_computed_key_is_tagged_and_a_name_picks_it():
    table = F.join(fact("key:partner", keys=("partner", "client_id")), fact("key:accounting", keys=("accounting", "client_id")))
    entries = F.transform(table, ("entry",))
    assert sorted(sorted(o[1]) for o, _ in entries) == [["entry:accounting", "key:accounting"], ["entry:partner", "key:partner"]]
    chosen = select(F.join(entries, fact("name:partner", "settings:app.settings.prod")))
    keys = [sorted(o[1]) for o, _ in chosen if "key:partner" in o[1] or "key:accounting" in o[1]]
    assert keys == [["key:partner", "settings:app.settings.prod"]]


def test_keep_carries_tags_and_names_but_a_fact_of_tags_alone_is_gone():
    kept = F.apply_op(F.src({"key:partner", "name:partner", "settings:a"}), ("keep", frozenset({"key:partner"})))
    assert kept[1] == {"key:partner", "name:partner", "settings:a"}
    assert F.apply_op(F.src({"key:partner", "settings:a"}), ("drop", frozenset({"key:partner"}))) is None


def test_facts_meet_only_in_one_deployment():
    concrete = F.join(fact("key:partner", "settings:s.prod"), fact("env:test", "settings:s.test"), fact("api:main"))
    seen = [sorted(label for o, _ in world for label in o[1]) for world in worlds(concrete)]
    assert seen == [["api:main", "key:partner", "settings:s.prod"], ["api:main", "env:test", "settings:s.test"]]


CLIENT = '''
import requests

API = "https://api.vipps.no"


class ReportApi:
    def __init__(self, client_id, client_secret):
        self.auth = (client_id, client_secret)

    def _token(self):
        return requests.post(API + "/miami/v1/token", auth=self.auth).json()["access_token"]

    def ledgers(self):
        return requests.get(API + "/settlement/v1/ledgers", headers={"Authorization": "Bearer " + self._token()})

    def fees(self, ledger_id):
        return requests.get(f"{API}/report/v2/ledgers/{ledger_id}/fees", headers={"Authorization": "Bearer " + self._token()})
'''
JOBS = """import os
from client import ReportApi


def nightly():
    return ReportApi(os.environ["ACCOUNTING_CLIENT_ID"], os.environ["ACCOUNTING_CLIENT_SECRET"]).ledgers()


def debug(ledger_id):
    return ReportApi(os.environ["PARTNER_CLIENT_ID"], os.environ["PARTNER_CLIENT_SECRET"]).fees(ledger_id)
"""


def test_two_instances_of_one_client_keep_their_own_keys(tmp_path):
    """Pooled per class, both requests would see partner and accounting keys (conflicting: silent)."""
    found = [f for f in scan_project(tmp_path, {"client.py": CLIENT, "jobs.py": JOBS}, load_rules()).findings if f.rule_id == "KL501"]
    assert [(f.path, f.line) for f in found] == [("client.py", 18)]
    assert "jobs.py:10" in found[0].message  # reached from the call on the partner instance
