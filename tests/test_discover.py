import json
import os

from keylint.facts.testfiles import is_test_path
from keylint.pipeline.discover import discover, file_kind
from tests.conftest import write_tree


def rel_paths(paths, root, **kwargs):
    sources, discovery = discover([str(p) for p in paths], root=str(root), **kwargs)
    return [s.rel_path for s in sources], discovery


def test_file_kinds_by_name():
    assert file_kind("app.py") == "python"
    assert file_kind(".env") == file_kind(".env.production") == file_kind("prod.env") == "env"
    assert file_kind("values.yml") == "yaml" and file_kind("setup.cfg") == "ini"
    assert file_kind("package-lock.json") is None and file_kind("README.md") is None


def test_walk_honours_gitignore_default_skips_and_virtualenvs(tmp_path):
    write_tree(
        tmp_path,
        {
            ".gitignore": "secrets/\n*.local.yaml\n",
            "app/views.py": "",
            "app/.gitignore": "generated.py\n",
            "app/generated.py": "",
            "secrets/prod.env": "",
            "conf.local.yaml": "",
            "conf.yaml": "",
            "node_modules/x/config.json": "",
            "myenv/pyvenv.cfg": "home = /usr\n",
            "myenv/lib/site.py": "",
            "build/lib/app.py": "",
            "docs/readme.md": "",
        },
    )
    os.mkdir(tmp_path / ".git")
    found, discovery = rel_paths([tmp_path], tmp_path)
    assert found == ["app/views.py", "conf.yaml"]
    assert discovery.skipped == 2  # generated.py and conf.local.yaml; pruned folders are not counted


def test_gitignore_of_enclosing_repo_applies_to_a_scanned_subfolder(tmp_path):
    write_tree(tmp_path, {".gitignore": "*.env\n", "sub/a.env": "", "sub/b.py": ""})
    os.mkdir(tmp_path / ".git")
    found, _ = rel_paths([tmp_path / "sub"], tmp_path)
    assert found == ["sub/b.py"]


def test_explicit_files_are_always_scanned_but_exclude_applies(tmp_path):
    write_tree(tmp_path, {".gitignore": "*.env\n", "x.env": "", "y.py": "", "README.md": ""})
    found, discovery = rel_paths([tmp_path / "x.env", tmp_path / "y.py", tmp_path / "README.md"], tmp_path)
    assert found == ["x.env", "y.py"] and discovery.skipped == 1
    found, _ = rel_paths([tmp_path / "x.env", tmp_path / "y.py"], tmp_path, excludes=("*.env",))
    assert found == ["y.py"]


def test_missing_paths_are_reported_not_fatal(tmp_path):
    write_tree(tmp_path, {"a.py": ""})
    found, discovery = rel_paths([tmp_path / "a.py", tmp_path / "gone.py"], tmp_path)
    assert found == ["a.py"] and discovery.missing == [str(tmp_path / "gone.py")]


def test_paths_outside_the_root_are_relative_to_their_argument(tmp_path):
    write_tree(tmp_path, {"proj/pkg/a.py": ""})
    found, _ = rel_paths([tmp_path / "proj"], tmp_path / "elsewhere")
    assert found == ["pkg/a.py"]


def test_files_outside_the_root_that_share_a_name_are_told_apart(tmp_path, cli):
    """Each is named by its path from the root; a scan of both once crashed (one name, two files)."""
    write_tree(tmp_path, {"a/base.py": "x = 1\n", "b/base.py": "y = 2\n", "root/keep.py": ""})
    found, _ = rel_paths([tmp_path / "a" / "base.py", tmp_path / "b" / "base.py"], tmp_path / "root")
    assert found == ["../a/base.py", "../b/base.py"]
    found, _ = rel_paths([tmp_path / "a" / "base.py", tmp_path / "root" / "keep.py"], tmp_path / "root")
    assert found == ["base.py", "keep.py"]  # no clash: each keeps its short name
    result = cli(["scan", "--format", "json", str(tmp_path / "a" / "base.py"), str(tmp_path / "b" / "base.py")],
                 cwd=tmp_path / "root")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["stats"]["files_scanned"] == 2


def test_test_paths():
    assert is_test_path("tests/test_client.py") and is_test_path("pkg/tests/helpers.py")
    assert is_test_path("test_x.py") and is_test_path("pkg/client_test.py") and is_test_path("conftest.py")
    assert not is_test_path("pkg/contest.py") and not is_test_path("latest/app.py")


def test_gitignore_can_be_turned_off(tmp_path):
    write_tree(tmp_path, {".gitignore": "*.env\n", "a.env": "", "b.py": ""})
    found, _ = rel_paths([tmp_path], tmp_path, gitignore=False)
    assert found == ["a.env", "b.py"]


def test_symlinks_are_not_followed(tmp_path):
    write_tree(tmp_path, {"app/real.py": "", "outside/secret.py": ""})
    (tmp_path / "app" / "link.py").symlink_to(tmp_path / "app" / "real.py")
    (tmp_path / "app" / "linked_dir").symlink_to(tmp_path / "outside", target_is_directory=True)
    found, _ = rel_paths([tmp_path / "app"], tmp_path)
    assert found == ["app/real.py"]
