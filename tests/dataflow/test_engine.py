"""The taint engine's semantics, with a minimal test pack (tests/conftest.py ENGINE_PACK):
source `request.args` / `read_input()` (label user), sink `sink(...)`, header store, URL slot and
msn-field sinks on `fetch(...)`, sanitizers `clean()`, guards on `*allowed*` / `may_use()`,
and short slices; a second rule for names like client_secret reaching `log(...)`.
"""

from __future__ import annotations

import pytest

from tests.conftest import scan_project


def lines(report, rule_id="ET001") -> list[int]:
    return sorted(f.line for f in report.findings if f.rule_id == rule_id)


def run(tmp_path, engine_rules, code: str):
    return scan_project(tmp_path, {"app.py": code}, engine_rules)


FLOWS = {
    "assignment": "x = request.args\ny = x\nsink(y)\n",
    "tuple unpacking": "a, b = 1, request.args\nsink(b)\n",
    "starred unpacking": "a, *rest = request.args\nsink(rest)\n",
    "f-string": 'x = f"id={request.args}"\nsink(x)\n',
    "percent format": 'x = "id=%s" % (request.args,)\nsink(x)\n',
    "str.format": 'x = "id={}".format(request.args)\nsink(x)\n',
    "concatenation": 'x = "id=" + request.args\nsink(x)\n',
    "dict literal": 'x = {"k": request.args}\nsink(x)\n',
    "list literal": "x = [1, request.args]\nsink(x)\n",
    "dict update": 'x = {}\nx.update({"k": request.args})\nsink(x)\n',
    "item assignment": 'x = {}\nx["k"] = request.args\nsink(x)\n',
    "list append": "x = []\nx.append(request.args)\nsink(x)\n",
    "conversions are not sanitizers": "sink(int(str(request.args)))\n",
    "subscript of source": 'sink(request.args["msn"])\n',
    "method on source": 'sink(request.args.get("msn").strip())\n',
    "call source": "sink(read_input())\n",
    "return value": "def f():\n    return request.args\n\nsink(f())\n",
    "parameter to sink": "def f(v):\n    sink(v)\n\nf(request.args)\n",
    "walrus": "if (x := request.args):\n    sink(x)\n",
    "loop variable": "for x in request.args:\n    sink(x)\n",
    "with target": "with open(request.args) as fh:\n    sink(fh)\n",
    "comprehension": "sink([v for v in request.args])\n",
    "conditional expression": "sink(request.args if flag else None)\n",
    "boolean or": "sink(request.args or 'x')\n",
    "await": "async def f():\n    sink(await request.args)\n",
    "unknown call propagates": "sink(helper_from_elsewhere(request.args))\n",
}


@pytest.mark.parametrize("name", sorted(FLOWS))
def test_propagation(tmp_path, engine_rules, name):
    code = FLOWS[name]
    report = run(tmp_path, engine_rules, code)
    sink_line = next(i for i, line in enumerate(code.splitlines(), 1) if "sink(" in line and "def " not in line)
    assert lines(report) == [sink_line], name


CLEAN = {
    "constant": "sink('x')\n",
    "sanitizer call": "sink(clean(request.args))\n",
    "comparison result": "sink(request.args == 'x')\n",
    "not": "sink(not request.args)\n",
    "reassigned": "x = request.args\nx = 1\nsink(x)\n",
    "short slice": "sink(request.args[:4])\n",
    "guard with abort": "x = request.args\nif x not in allowed_values():\n    abort(403)\nsink(x)\n",
    "guard with raise": "x = request.args\nif not may_use(x):\n    raise PermissionError()\nsink(x)\n",
    "positive guard": "x = request.args\nif x in allowed:\n    sink(x)\n",
    "other dict key": 'h = {"a": request.args, "b": 1}\nsink(h["b"])\n',
    "other attribute": "o = make()\no.secret = request.args\nsink(o.name)\n",
    "unrelated parameter": "def f(a, b):\n    sink(b)\n\nf(request.args, 1)\n",
}


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_no_flow(tmp_path, engine_rules, name):
    assert lines(run(tmp_path, engine_rules, CLEAN[name])) == [], name


def test_guard_does_not_clean_when_branch_falls_through(tmp_path, engine_rules):
    code = "x = request.args\nif x not in allowed:\n    log_it()\nsink(x)\n"
    assert lines(run(tmp_path, engine_rules, code)) == [4]


def test_other_labels_do_not_reach_a_rule(tmp_path, engine_rules):
    report = run(tmp_path, engine_rules, "client_secret = load()\nsink(client_secret)\nlog(request.args)\n")
    assert lines(report) == [] and lines(report, "ET002") == []


def test_name_source_and_param_name(tmp_path, engine_rules):
    code = "def connect(client_secret):\n    log(client_secret)\n\nlog(settings.client_secret)\n"
    assert lines(run(tmp_path, engine_rules, code), "ET002") == [2, 4]


def test_header_store_slot_and_field_sinks(tmp_path, engine_rules):
    code = (
        "h = {}\n"
        'h["Merchant-Serial-Number"] = request.args\n'
        'fetch(f"{API}/units/{request.args}")\n'
        'fetch(f"{API}/payments/{request.args}")\n'
        'fetch(URL, params={"msn": request.args})\n'
        'fetch(URL, params={"reference": request.args})\n'
        'p = {"a": 1}\np["msn"] = request.args\nfetch(URL, params=p)\n'
    )
    assert lines(run(tmp_path, engine_rules, code)) == [2, 3, 5, 9]


def test_self_attribute_store_reaches_other_method(tmp_path, engine_rules):
    code = (
        "class Client:\n"
        "    def __init__(self, value):\n"
        "        self.value = value\n"
        "    def send(self):\n"
        "        sink(self.value)\n"
        "\n"
        "Client(request.args).send()\n"
    )
    assert lines(run(tmp_path, engine_rules, code)) == [5]


def test_flow_through_two_helpers_shows_the_path(tmp_path, engine_rules):
    code = (
        "def inner(v):\n"
        "    sink(v)\n"
        "\n"
        "def outer(v):\n"
        "    inner(v)\n"
        "\n"
        "def view():\n"
        "    x = request.args\n"
        "    outer(x)\n"
    )
    report = run(tmp_path, engine_rules, code)
    assert lines(report) == [2]
    notes = [(step.line, step.note) for step in report.findings[0].flow]
    assert notes == [
        (8, "source: request.args"),
        (8, "assigned to x"),
        (9, "passed to outer() as v"),
        (5, "passed to inner() as v"),
        (2, "sink: sink(v)"),
    ]


def test_return_summaries_are_per_call_site(tmp_path, engine_rules):
    code = "def same(v):\n    return v\n\nsink(same(1))\nsink(same(request.args))\n"
    assert lines(run(tmp_path, engine_rules, code)) == [5]


def test_cross_module_import(tmp_path, engine_rules):
    files = {
        "pkg/__init__.py": "",
        "pkg/client.py": "def send(value):\n    sink(value)\n\ndef user_value():\n    return request.args\n",
        "pkg/views.py": "from pkg.client import send\nfrom .client import user_value\n\ndef view():\n    send(user_value())\n",
    }
    report = scan_project(tmp_path, files, engine_rules)
    assert [(f.path, f.line) for f in report.findings] == [("pkg/client.py", 2)]
    assert [s.path for s in report.findings[0].flow] == ["pkg/client.py", "pkg/client.py", "pkg/views.py", "pkg/client.py"]


def test_cross_module_method_of_imported_class(tmp_path, engine_rules):
    files = {
        "shop/client.py": "class Api:\n    def put(self, value):\n        sink(value)\n",
        "shop/app.py": "from shop.client import Api\n\napi = Api()\n\ndef view():\n    api.put(request.args)\n",
    }
    report = scan_project(tmp_path, files, engine_rules)
    assert [(f.path, f.line) for f in report.findings] == [("shop/client.py", 3)]


def test_inherited_method_resolves_through_base(tmp_path, engine_rules):
    code = (
        "class Base:\n"
        "    def put(self, value):\n"
        "        sink(value)\n"
        "class Child(Base):\n"
        "    pass\n"
        "Child().put(request.args)\n"
    )
    assert lines(run(tmp_path, engine_rules, code)) == [3]


def test_recursion_and_cycles_terminate(tmp_path, engine_rules):
    code = (
        "def ping(v, n):\n"
        "    if n:\n"
        "        return pong({'k': v}, n - 1)\n"
        "    sink(v)\n"
        "    return v\n"
        "\n"
        "def pong(v, n):\n"
        "    return ping(v, n)\n"
        "\n"
        "def self_loop(v):\n"
        "    return self_loop(self_loop(v))\n"
        "\n"
        "ping(request.args, 3)\n"
        "sink(self_loop(request.args))\n"
    )
    assert lines(run(tmp_path, engine_rules, code)) == [4]


def test_import_cycle_terminates(tmp_path, engine_rules):
    files = {
        "a.py": "from b import g\n\ndef f(v):\n    return g(v)\n",
        "b.py": "from a import f\n\ndef g(v):\n    sink(v)\n    return f(v)\n\nf(request.args)\n",
    }
    report = scan_project(tmp_path, files, engine_rules)
    assert [(f.path, f.line) for f in report.findings] == [("b.py", 4)]


def test_propagator_into_receiver(tmp_path, engine_rules):
    code = "msg = Message()\nmsg.set_content(request.args)\nsink(msg)\nother = Message()\nother.set_subject(request.args)\nsink(other)\n"
    assert lines(run(tmp_path, engine_rules, code)) == [3]


def test_propagator_to_return_adds_labels_after_a_sanitizer(tmp_path, engine_rules):
    code = (
        'r = post_request(f"{BASE}/token", headers=request.args)\nsink(r)\n'
        's = post_request(f"{BASE}/token", json=request.args)\nsink(s)\n'
        't = post_request(f"{BASE}/payments", headers=request.args)\nsink(t)\n'
    )
    report = run(tmp_path, engine_rules, code)
    assert lines(report) == [2]


def test_sources_and_propagators_carry_labels(engine_rules):
    from keylint.dataflow import facts as F
    from keylint.rules.kinds import taint
    from keylint.pipeline.parse import parse

    code = "r = post_request('/token', headers=request.args)\nk = client_secret\n"
    index = taint.build_index({"app.py": taint.summarise(parse("app.py", code, "python"), engine_rules)})
    assert F.labels_of(index.gval[("app", "r")]) == {"user", "answered"}
    assert F.labels_of(index.gval[("app", "k")]) == {"secret"}
