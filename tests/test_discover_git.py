"""File selection inside a git work tree is git's (`ls-files --cached --others --exclude-standard`)."""

from __future__ import annotations

import os

from keylint.pipeline.discover import discover
from tests.cli_helpers import SECRET_A, run


def found(root) -> list[str]:
    sources, _ = discover([str(root)], root=str(root))
    return [s.rel_path for s in sources]


def test_git_decides_what_is_ignored(repo):
    repo.write(".gitignore", "secrets/\n*.local.py\nconf/\n")
    repo.write("secrets/committed.env", "A=1\n")  # force-added below: tracked, so scanned
    repo.write("secrets/untracked.env", "A=1\n")
    repo.write("conf/.gitignore", "")
    repo.write("app/.gitignore", "*.yaml\n!keep.yaml\n")
    repo.write("app/keep.yaml", "a: 1\n")
    repo.write("app/drop.yaml", "a: 1\n")
    repo.write("app/views.py", "")
    repo.write("app/dev.local.py", "")
    repo.write("gone.py", "")
    repo.git("add", "-f", "secrets/committed.env")
    repo.commit("initial")
    (repo.path / ".git" / "info" / "exclude").write_text("scratch.py\n")
    repo.write("scratch.py", "")  # untracked, excluded by .git/info/exclude
    os.remove(repo.path / "gone.py")  # tracked, deleted from the work tree: nothing to read
    repo.write("app/new.py", "")  # untracked and not ignored
    (repo.path / "app" / "link.py").symlink_to(repo.path / "app" / "views.py")
    repo.git("add", "app/link.py")
    assert found(repo.path) == ["app/keep.yaml", "app/new.py", "app/views.py", "secrets/committed.env"]


def test_a_subfolder_of_a_repository_lists_only_its_files(repo):
    repo.write(".gitignore", "*.env\n")
    repo.write("svc/pay/a.py", "")
    repo.write("svc/pay/b.env", "")
    repo.write("svc/other/c.py", "")
    sources, _ = discover([str(repo.path / "svc" / "pay")], root=str(repo.path / "svc" / "pay"))
    assert [s.rel_path for s in sources] == ["a.py"]


def test_default_skips_and_excludes_still_apply_in_git(repo):
    repo.write("node_modules/x/config.json", "{}")
    repo.write("venv2/pyvenv.cfg", "home = /usr\n")
    repo.write("venv2/lib/site.py", "")
    repo.write("vendor/lib.py", "")
    repo.write("app.py", "")
    repo.commit()
    sources, discovery = discover([str(repo.path)], root=str(repo.path), excludes=("vendor/",))
    assert [s.rel_path for s in sources] == ["app.py"] and discovery.skipped == 1


def test_outside_git_the_walk_reads_gitignore_files(tmp_path):
    (tmp_path / ".gitignore").write_text("*.env\n")
    (tmp_path / "a.env").write_text("")
    (tmp_path / "b.py").write_text("")
    assert found(tmp_path) == ["b.py"]


def test_a_force_added_secret_under_an_ignored_path_is_reported(repo):
    repo.write(".gitignore", "deploy/\n")
    repo.write("deploy/settings.py", f'VIPPS_CLIENT_SECRET = "{SECRET_A}"\n')
    repo.git("add", "-f", "deploy/settings.py")
    repo.commit()
    result = run("scan", "--format", "json", ".")
    assert result.exit_code == 1 and '"path": "deploy/settings.py"' in result.stdout


def test_missing_path_is_a_usage_error_and_an_empty_scan_says_so(repo):
    repo.write("README.md", "nothing keylint reads\n")
    missing = run("scan", "nope/")
    assert missing.exit_code == 2 and "no such file or directory: nope/" in missing.stderr
    empty = run("scan", ".")
    assert empty.exit_code == 0 and "no file to read in ." in empty.stderr
