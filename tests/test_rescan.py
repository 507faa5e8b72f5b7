"""What a re-scan costs: which folders the walk lists, how often a file is stat'ed, how many
queries the project facts take. Counts, not timings."""

from __future__ import annotations

import os
from pathlib import Path

import keylint.pipeline.discover
from keylint.pipeline.discover import discover
from keylint.pipeline.scan import ScanOptions, scan
from keylint.rules.packs import load_rules
from keylint.services.cache import FileCache
from tests.conftest import write_tree


def _listed_folders(monkeypatch) -> list[str]:
    """The folders os.scandir lists during discovery, as they are asked for."""
    listed, real = [], os.scandir

    def scandir(path):
        listed.append(str(path))
        return real(path)

    monkeypatch.setattr(keylint.pipeline.discover.os, "scandir", scandir)
    return listed


def test_the_walk_never_lists_a_skipped_ignored_or_excluded_folder(tmp_path, monkeypatch):
    write_tree(tmp_path, {
        ".gitignore": "generated/\n", "app/a.py": "", "generated/g.py": "", "node_modules/n/x.json": "",
        "vendor/v.py": "", "venv2/pyvenv.cfg": "home\n", "venv2/lib/site.py": "", "pkg.egg-info/PKG.json": "",
    })
    os.mkdir(tmp_path / ".git")  # not a usable repository: the walk reads the .gitignore files itself
    listed = _listed_folders(monkeypatch)
    sources, _ = discover([str(tmp_path)], root=str(tmp_path), excludes=("vendor/",))
    assert [s.rel_path for s in sources] == ["app/a.py"]
    assert sorted(os.path.relpath(path, tmp_path) for path in listed) == [".", "app", "venv2"]  # a virtualenv's own listing shows it is one


def test_a_walk_that_holds_the_root_names_files_under_the_root_from_it(tmp_path):
    """Names switch to the root's at the root, as a file given alone would be named; the root
    folder itself is `./` to --exclude, so excluding its name excludes nothing."""
    write_tree(tmp_path, {"top.py": "", "svc/root/app.py": "", "svc/root/sub/b.py": "", "svc/other.py": ""})
    sources, _ = discover([str(tmp_path)], root=str(tmp_path / "svc" / "root"), excludes=("root/", "sub/"))
    assert sorted(s.rel_path for s in sources) == ["app.py", "svc/other.py", "top.py"]


def test_a_rescan_after_an_edit_stats_each_file_once(tmp_path, monkeypatch):
    tree = write_tree(tmp_path / "app", {f"m{i}.py": f"x{i} = {i}\n" for i in range(5)} | {"conf.yaml": "a: 1\n"})
    options = ScanOptions(root=str(tree), cache_dir=str(tmp_path / "cache"))
    rules = load_rules()
    scan([str(tree)], rules, options)
    with open(tree / "m1.py", "a", encoding="utf-8") as handle:
        handle.write("# edited\n")
    stats, real = [], os.stat

    def counted(path, *args, **kwargs):
        stats.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", counted)
    report = scan([str(tree)], rules, options)
    assert report.files_scanned == 6 and report.from_cache == 5
    files = ["conf.yaml", *(f"m{i}.py" for i in range(5))]
    assert {name: stats.count(str(tree / name)) for name in files} == dict.fromkeys(files, 1)


def _facts(tmp_path, names: list[str]) -> FileCache:
    """A project-facts cache holding a row per name (payload: the name), opened again."""
    stat = Path(__file__).stat()
    cache = FileCache(tmp_path, str(tmp_path), "key", folder="project", payload=str)
    for name in names:
        cache.put(name, f"d-{name}", stat, name)
    cache.save()
    return FileCache(tmp_path, str(tmp_path), "key", folder="project", payload=str)


def test_expected_names_are_read_a_batch_at_a_time_and_this_scans_writes_still_win(tmp_path):
    stat = Path(__file__).stat()
    names = [f"f{i:03}.py" for i in range(600)]
    again = _facts(tmp_path, names)
    queries: list[str] = []
    again._db.set_trace_callback(queries.append)
    again.expect([*names[:300], "new.py", *names[300:]])
    assert [again.fresh(name, stat) for name in names[:300]] == names[:300]
    assert again.fresh("new.py", stat) is None  # expected, not stored: no row, and no query of its own
    again.put(names[300], "changed", stat, "written in this scan")
    assert again.get(names[300], "changed", stat) == "written in this scan"  # not the batch's row
    assert [again.fresh(name, stat) for name in names[301:]] == names[301:]
    assert len(queries) == 3  # 601 names, 256 a query
    assert again.fresh(names[5], stat) == names[5]  # asked again, out of order: a query of its own
    assert again.fresh("unknown.py", stat) is None and len(queries) == 5
