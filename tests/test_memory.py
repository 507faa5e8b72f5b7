"""What keeps a large tree's scan in bounded memory (issue 14: 20,000 files in <= 150 MB), checked
by behaviour, never by timing: summaries share their equal parts, the parent holds no file
texts, the project is solved once, and the cache is read one entry at a time and keeps no
per-file names in memory."""

from __future__ import annotations

import importlib.util
import os
import pickle
import sqlite3
import sys
from pathlib import Path

from keylint.core.findings import FileResult
from keylint.dataflow.solve import ProjectIndex
from keylint.dataflow.summary import FunctionSummary, ModuleSummary
from keylint.pipeline import project
from keylint.pipeline.discover import SourcePath
from keylint.pipeline.parse import parse
from keylint.pipeline.scan import ScanOptions, scan
from keylint.rules.kinds import KINDS
from keylint.rules.packs import load_rules
from keylint.services import workers
from keylint.services.cache import FileCache, _connect
from keylint.services.interning import Interner
from tests.conftest import write_tree

SPEC = importlib.util.spec_from_file_location("synth", Path(__file__).resolve().parent.parent / "bench" / "synth.py")
synth = sys.modules[SPEC.name] = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(synth)


def test_interning_shares_equal_immutable_values_and_keeps_their_types():
    shared = Interner()
    first = shared({"k": [("src", frozenset({"secret"}), ("client_secret",))]})
    second = shared({"k": [("src", frozenset({"secret"}), ("client_secret",))]})
    assert first == second and first["k"][0] is second["k"][0]
    assert first is not second and first["k"] is not second["k"]  # mutable containers stay apart
    one, true = shared((1, "x")), shared((True, "x"))
    assert one == true and type(true[0]) is bool  # 1 == True: equal, but not the same value


def test_values_of_one_file_are_not_remembered_for_the_others():
    shared = Interner()
    a = shared([("app/a.py", 3, "assigned to headers"), ("app/a.py", 3, "assigned to headers")], ("app/a.py", "app.a"))
    assert a[0] is a[1]  # shared within the file
    b = shared([("app/a.py", 3, "assigned to headers")], ("app/a.py", "app.a"))
    assert b[0] == a[0] and b[0] is not a[0]  # the table did not keep the file's own steps
    assert b[0][2] is a[0][2]  # the note is anyone's: shared


def test_equal_dicts_within_one_value_are_one_dict_and_never_across_values():
    shared = Interner()
    step = ("app/a.py", 3, "assigned to headers")
    value = shared({"sink": [{("k", 1): (step,)}, {("k", 1): (step,)}], "other order": {("j", 2): (), ("k", 1): ()},
                    "order": {("k", 1): (), ("j", 2): ()}}, ("app/a.py",))
    assert value["sink"][0] is value["sink"][1]  # the several rules' sinks at one call: one taint
    assert value["order"] == value["other order"] and value["order"] is not value["other order"]  # order kept
    again = shared({"sink": [{("k", 1): (step,)}]}, ("app/a.py",))
    assert again["sink"][0] == value["sink"][0] and again["sink"][0] is not value["sink"][0]
    assert shared({}) is not shared({})  # a file's facts dict is its own


def test_a_suffix_lookup_matches_whole_dotted_parts_and_prefers_the_nearest():
    def module(name: str, *functions: str) -> ModuleSummary:
        qnames = [f"{name}.{f}" for f in (*functions, "<module>")]
        return ModuleSummary(name.replace(".", "/") + ".py", name, {q: FunctionSummary(q, q.rpartition(".")[2], ())
                                                                    for q in qnames})

    modules = [module("shop.pay", "run"), module("other.pay", "run"), module("shop.xpay", "run")]
    index = ProjectIndex({m.path: m for m in modules})
    assert index.lookup("pay.run", "shop.views") == "shop.pay.run"
    assert index.lookup("pay.run", "other.views") == "other.pay.run"
    assert index.lookup("xpay.run", "other.views") == "shop.xpay.run"
    assert index.lookup("ay.run", "shop.views") is None and index.lookup("shop.pay.run", "x") == "shop.pay.run"


def test_a_project_without_wanted_neighbours_is_solved_once(tmp_path, monkeypatch):
    write_tree(tmp_path, {f"svc/m{i}.py": synth._fill(synth.PAYMENT, synth.random.Random(i), "svc") for i in range(3)})
    built = []
    real = KINDS["taint"].build_index

    def counted(summaries, rule_ids=None):
        built.append(sorted(summaries))
        return real(summaries, rule_ids)

    monkeypatch.setattr(KINDS["taint"], "build_index", counted)
    report = scan([str(tmp_path)], load_rules(), ScanOptions(root=str(tmp_path)))
    assert built == [["svc/m0.py", "svc/m1.py", "svc/m2.py"]] and report.errors == []


def _own_bytes(value, known: set[int]) -> int:
    """The bytes of the objects reachable from `value` that are not in `known` (ids), added to it."""
    total, todo = 0, [value]
    while todo:
        item = todo.pop()
        if id(item) in known or item is None or type(item) in (bool, int):
            continue
        known.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, dict):
            todo.extend(item.keys())
            todo.extend(item.values())
        elif isinstance(item, (tuple, list, frozenset, set)):
            todo.extend(item)
        elif hasattr(item, "__slots__"):
            todo.extend(getattr(item, name) for name in item.__slots__)
    return total


def _payment_summary(service: str):
    """The data-flow summary of bench/synth.py's payment module, as a worker sends it."""
    rng = synth.random.Random(service)
    path = f"{service}/payments/mod_0001.py"
    text = synth._fill(synth.PAYMENT, rng, service)
    rules = [r for r in load_rules() if r.kind == "taint"]
    return pickle.loads(pickle.dumps(KINDS["taint"].summarise(parse(path, text, "python"), rules)))


def test_a_summary_kept_beside_others_costs_a_bounded_share_of_its_objects():
    shared, known = Interner(), set()
    first, plain, second = _payment_summary("shop"), _payment_summary("cart"), _payment_summary("cart")
    _own_bytes(shared(first, (first.path, first.module)), known)
    alone = _own_bytes(plain, set())
    own = _own_bytes(shared(second, (second.path, second.module)), known)
    assert second == plain
    assert own < alone / 2 and own < 32_000  # on Python 3.11: 26 KB of its 66 KB


def test_the_parent_sends_no_file_text_to_the_summary_workers(tmp_path, monkeypatch):
    write_tree(tmp_path, {f"svc/m{i}.py": synth._fill(synth.PAYMENT, synth.random.Random(i), "svc") for i in range(3)})
    sent = []
    real_run = workers.run

    def spy(items, work, *args, **kwargs):
        items = list(items)
        sent.extend(items)
        return real_run(items, work, *args, **kwargs)

    monkeypatch.setattr(project.workers, "run", spy)
    report = scan([str(tmp_path)], load_rules(), ScanOptions(root=str(tmp_path)))
    summarised = [item for item in sent if isinstance(item, tuple) and isinstance(item[0], SourcePath)]
    assert len(summarised) == 3 and report.errors == []
    assert all(isinstance(value, (SourcePath, str, type(None))) and not (isinstance(value, str) and "\n" in value)
               for item in summarised for value in item)  # the source and a digest, never the text


def test_a_file_changed_after_the_first_look_is_summarised_but_its_summary_is_not_kept(tmp_path, monkeypatch):
    write_tree(tmp_path, {"svc/pay.py": synth._fill(synth.PAYMENT, synth.random.Random(1), "svc")})
    source = SourcePath(str(tmp_path / "svc/pay.py"), "svc/pay.py", "python")
    rules = [r for r in load_rules() if r.kind == "taint"]
    path, summary, settled, _ = project._summarise_one(KINDS["taint"], (source, "digest of other content"), rules, ())
    assert path == "svc/pay.py" and summary is not None and not settled
    assert project._summarise_one(KINDS["taint"], (source, None), rules, ())[2]


class _Counted(FileResult):
    """A FileResult that counts how often it is unpickled."""

    loads = 0

    def __setstate__(self, state):
        type(self).loads += 1
        self.__dict__.update(state)


def _stored(tmp_path, entries: int, **options) -> tuple[FileCache, os.stat_result]:
    """A result cache of `entries` rows (f0.py ...), opened again with `options`; no load counted yet."""
    stat = Path(__file__).stat()
    cache = FileCache(tmp_path, str(tmp_path), "key")
    for i in range(entries):
        cache.put(f"f{i}.py", f"d{i}", stat, _Counted(f"f{i}.py"))
    cache.save()
    _Counted.loads = 0
    return FileCache(tmp_path, str(tmp_path), "key", **options), stat


def test_the_result_cache_reads_one_entry_at_a_time(tmp_path):
    again, stat = _stored(tmp_path, 200)
    assert _Counted.loads == 0  # opening it reads no entry
    assert again.fresh("f7.py", stat) == _Counted("f7.py") and _Counted.loads == 1
    assert again.get("f8.py", "d8", stat) == _Counted("f8.py") and _Counted.loads == 2


def test_read_all_takes_every_row_in_one_query_and_still_sees_this_scans_writes(tmp_path):
    """The scan's result cache (small payloads, nearly all read by a warm scan) is read at once,
    as pickled bytes: one query instead of one per file, and nothing unpickled until asked."""
    again, stat = _stored(tmp_path, 50, read_all=True)
    assert _Counted.loads == 0 and len(again._rows) == 50
    again._db.close()  # every row is already read: no query is needed to answer
    assert again.fresh("f7.py", stat) == _Counted("f7.py") and again.stored_digest("f9.py") == "d9"
    assert again.fresh("missing.py", stat) is None
    again._db = _connect(again.path)
    again.put("f7.py", "new", stat, _Counted("seven"))
    assert again.get("f7.py", "new", stat) == _Counted("seven")  # a row written in this scan is read back


def test_saving_keeps_the_named_rows_and_holds_no_names_of_written_rows(tmp_path):
    stat = Path(__file__).stat()
    facts = FileCache(tmp_path, str(tmp_path), "key", folder="project", payload=dict)
    for i in range(5):
        facts.put(f"f{i}.py", f"d{i}", stat, {"n": i})
    assert facts._written == set()  # without read_all every answer comes from SQLite: nothing to remember
    facts.save(keep=(f"f{i}.py" for i in (1, 3)))  # names as they come, not a set of them all
    again = FileCache(tmp_path, str(tmp_path), "key", folder="project", payload=dict)
    assert [again.stored_digest(f"f{i}.py") for i in range(5)] == [None, "d1", None, "d3", None]


def test_a_cache_held_by_another_scan_is_not_kept_and_loses_nothing(tmp_path):
    write_tree(tmp_path / "app", {"pay.py": synth._fill(synth.LEAK, synth.random.Random(1), "svc")})
    options = ScanOptions(root=str(tmp_path / "app"), cache_dir=str(tmp_path / "cache"))
    cold = scan([str(tmp_path / "app")], load_rules(), options)
    assert cold.findings
    (tmp_path / "app" / "pay.py").write_text("CLIENT_SECRET = 'x'\n" + (tmp_path / "app" / "pay.py").read_text())
    fresh = scan([str(tmp_path / "app")], load_rules(), ScanOptions(root=str(tmp_path / "app")))
    held = [sqlite3.connect(p, timeout=0) for p in (tmp_path / "cache").rglob("*.sqlite")]
    try:
        for db in held:
            db.execute("BEGIN EXCLUSIVE")  # another scan writing: reads and writes fail
        busy = scan([str(tmp_path / "app")], load_rules(), options)
    finally:
        for db in held:
            db.close()
    assert [f.to_dict() for f in busy.findings] == [f.to_dict() for f in fresh.findings] and busy.errors == []
    assert busy.from_cache == 0

