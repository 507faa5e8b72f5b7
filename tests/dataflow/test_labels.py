"""Sinks that look at a whole request (under / also / unless), literal and dict-key sources,
propagators that keep labels under a key, parameter and class-attribute defaults, declared key
types. A minimal pack: credentials `a_key` (cred:a) and `b_key` (cred:b), URLs with `/x/`
(url:x), a `Mark` header (mark); `fetch()` is the request and its response holds the token
under `token`.
"""

from __future__ import annotations

import pytest

from keylint.dataflow.config import EngineConfig
from tests.conftest import pack_rules, scan_project

LABEL_PACK = """
pack: label-test
version: "1"
defaults:
  taint:
    sources:
      - {labels: ['cred:a'], names: ['^a_key$']}
      - {labels: ['cred:b'], names: ['^b_key$']}
      - {labels: ['url:x'], literals: ['(^|/)x/']}
      - {labels: [mark], keys: ['^Mark$'], literals: ['^Mark$']}
    sanitizers:
      - {calls: [fetch, '*.fetch'], labels: ['cred:a', 'cred:b', 'url:x', mark]}
    propagators:
      - {calls: [fetch, '*.fetch'], from: ['*', '**'], to: return, keep: ['cred:a', 'cred:b'], at_key: token}
rules:
  - id: LT001
    name: a-on-x
    pitfall: wrong-key-for-api
    severity: high
    confidence: high
    message: "{url} request with {cred} ({source})"
    docs: {summary: s, what: w, why: y, example: e, fix: f}
    kind: taint
    taint:
      sinks:
        - note: request
          calls: [fetch, '*.fetch']
          args: ['*', '**', receiver]
          requires: ['cred:a']
          under: [headers]
          also: [{labels: ['url:x'], under: ['', base_url]}]
          unless: [{labels: [mark, 'cred:b'], under: [headers]}]
    examples: {vulnerable: ['fetch("/x/", headers={"H": a_key})'], safe: ['fetch("/y/", headers={"H": a_key})']}
"""


@pytest.fixture(scope="module")
def label_rules(tmp_path_factory) -> list:
    return pack_rules(tmp_path_factory, LABEL_PACK)


def flagged(tmp_path, rules, files) -> list:
    report = scan_project(tmp_path, files, rules)
    return sorted((f.path, f.line) for f in report.findings)


REPORTED = {
    "literal URL": 'fetch("https://h/x/1", headers={"H": a_key})\n',
    "f-string URL": 'BASE = "https://h"\nfetch(f"{BASE}/x/{n}", headers={"H": a_key})\n',
    "concatenated URL": 'BASE = "https://h/"\nfetch(BASE + "x/1", headers={"H": a_key})\n',
    "urljoin": 'from urllib.parse import urljoin\nfetch(urljoin("https://h/", "x/1"), headers={"H": a_key})\n',
    "receiver's base_url": 'c = Client(base_url="https://h/x/")\nc.fetch("1", headers={"H": a_key})\n',
    "token from a token request": 't = fetch("/token", headers={"H": a_key})["token"]\nfetch("/x/", headers={"Auth": t})\n',
    "parameter default": 'def go(k=a_key):\n    fetch("/x/", headers={"H": k})\n',
    "class attribute default": 'class C:\n    base = "/x/"\n\n    def go(self):\n        fetch(self.base, headers={"H": a_key})\n',
    "token cached in a global": ('_token = None\n\ndef refresh():\n    global _token\n    _token = fetch("/token", headers={"H": a_key})["token"]\n\n'
                                 'def go():\n    fetch("/x/", headers={"Auth": _token})\n'),
    "instance of a settings class": 'class S:\n    base: str = "/x/"\n\ns = S()\n\ndef go():\n    fetch(s.base, headers={"H": a_key})\n',
}


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_reported(tmp_path, label_rules, name):
    code = REPORTED[name]
    line = next(i for i, text in enumerate(code.splitlines(), 1)
                if "fetch(" in text and "headers" in text and "/token" not in text)
    assert flagged(tmp_path, label_rules, {"app.py": code}) == [("app.py", line)]


SILENT = {
    "no URL label": 'fetch("/y/", headers={"H": a_key})\n',
    "credential in the URL is not a credential": 'fetch(f"/x/{a_key}")\n',
    "URL label in the headers is not the URL": 'fetch("/y/", headers={"H": a_key, "Ref": "/x/"})\n',
    "marked header, even a constant": 'fetch("/x/", headers={"H": a_key, "Mark": "1"})\n',
    "marked by item assignment": 'h = {"H": a_key}\nh["Mark"] = "1"\nfetch("/x/", headers=h)\n',
    "marked through a constant key": 'MARK = "Mark"\nh = {"H": a_key}\nh[MARK] = m\nfetch("/x/", headers=h)\n',
    "marked by setdefault": 'h = {"H": a_key}\nh.setdefault("Mark", "1")\nfetch("/x/", headers=h)\n',
    "marked by update": 'h = {"H": a_key}\nh.update({"Mark": m})\nfetch("/x/", headers=h)\n',
    "conflicting credentials": 'fetch("/x/", headers={"H": a_key if flag else b_key})\n',
    "a response field other than the token": 't = fetch("/token", headers={"H": a_key})["other"]\nfetch("/x/", headers={"Auth": t})\n',
    "the response itself carries no request key": 'r = fetch("/token", headers={"H": a_key})\nfetch("/x/", headers={"R": r.status})\n',
}


@pytest.mark.parametrize("name", sorted(SILENT))
def test_silent(tmp_path, label_rules, name):
    assert flagged(tmp_path, label_rules, {"app.py": SILENT[name]}) == []


def test_labels_cross_modules_and_name_message_variables(tmp_path, label_rules):
    files = {
        "conf.py": 'API = "https://h/x/"\n',
        "app.py": 'from conf import API\n\ndef go():\n    fetch(API + "1", headers={"H": a_key})\n',
    }
    report = scan_project(tmp_path, files, label_rules)
    assert [(f.path, f.line) for f in report.findings] == [("app.py", 4)]
    assert report.findings[0].message == "x request with a (a_key)"
    assert [(s.path, s.line, s.note) for s in report.findings[0].flow][-2:] == [
        ("conf.py", 1, 'url:x: "https://h/x/"'), ("app.py", 4, 'request: fetch(API + "1", headers={"H": a_key})')]


def test_declared_key_types_become_name_sources():
    config = EngineConfig.of([], (("MY_PAY_SECRET", "partner"), ("reportKey", "accounting"), ("settings.OTHER", "partner")))
    declared = {next(iter(s.labels)): s for s in config.sources}
    assert set(declared) == {"key:partner", "key:accounting"}
    assert declared["key:partner"].name_matches("my_pay_secret") and declared["key:partner"].name_matches("other")
    assert declared["key:accounting"].name_matches("report_key")
    assert not declared["key:partner"].name_matches("my_pay_secret_env")
