"""Display paths: relative to the root when under it, else to the path given (fast path in discover)."""

import os

from keylint.pipeline.discover import discover, file_kind


def _tree(tmp_path):
    (tmp_path / "root" / "pkg").mkdir(parents=True)
    (tmp_path / "root" / "pkg" / "a.py").write_text("x = 1\n")
    (tmp_path / "other" / "sub").mkdir(parents=True)
    (tmp_path / "other" / "sub" / "b.py").write_text("y = 2\n")
    (tmp_path / "other" / "sub" / "c.yaml").write_text("k: v\n")


def test_paths_under_the_root_are_root_relative(tmp_path):
    _tree(tmp_path)
    sources, _ = discover([str(tmp_path / "root")], root=str(tmp_path / "root"))
    assert [s.rel_path for s in sources] == ["pkg/a.py"]
    sources, _ = discover([str(tmp_path / "root" / "pkg")], root=str(tmp_path))
    assert [s.rel_path for s in sources] == ["root/pkg/a.py"]


def test_paths_outside_the_root_are_relative_to_the_given_path(tmp_path):
    _tree(tmp_path)
    sources, _ = discover([str(tmp_path / "other")], root=str(tmp_path / "root"))
    assert [(s.rel_path, s.kind) for s in sources] == [("sub/b.py", "python"), ("sub/c.yaml", "yaml")]
    sources, _ = discover([str(tmp_path / "other" / "sub" / "b.py")], root=str(tmp_path / "root"))
    assert [s.rel_path for s in sources] == ["b.py"]


def test_root_with_trailing_separator(tmp_path):
    _tree(tmp_path)
    sources, _ = discover([str(tmp_path / "root")], root=str(tmp_path / "root") + os.sep)
    assert [s.rel_path for s in sources] == ["pkg/a.py"]


def test_file_kind_by_name():
    assert [file_kind(n) for n in ("a.py", ".env.local", "x.yml", "poetry.lock", "README.md")] == [
        "python", "env", "yaml", None, None,
    ]
