"""Diff scans against real git repositories: changed files and lines only."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.cli_helpers import VIPPS_API, SECRET_A, SECRET_B, SUB_KEY, git, rule_ids, run, scan_json

from keylint.core.findings import Finding, FlowStep
from keylint.pipeline.discover import SourcePath
from keylint.pipeline.gitdiff import ChangedLines, files_to_analyse, parse_patch
from keylint.rules.packs import load_rules

OLD = f'''import os

CLIENT_SECRET = "{SECRET_A}"
TIMEOUT = 30
''' + VIPPS_API


@pytest.fixture
def based(repo):
    """A repository whose `main` has an old leak, checked out on a new branch `feature`."""
    repo.write("app/old.py", OLD)
    repo.write("app/gone.py", OLD)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    return repo


def test_reports_only_findings_on_changed_lines(based):
    based.write("app/old.py", OLD.replace("TIMEOUT = 30", "TIMEOUT = 60"))
    based.write("app/new.py", f'SUBSCRIPTION_KEY = "{SUB_KEY}"\n')
    based.commit("feature work")
    code, document = scan_json("--diff", "main")
    assert code == 1
    assert rule_ids(document) == [("app/new.py", "KL102", 1)]
    assert document["stats"]["files_scanned"] == 3  # data-flow rules are loaded: every file is analysed
    assert scan_json("--diff", "main", "--select", "hardcoded-secret")[1]["stats"]["files_scanned"] == 2
    assert scan_json()[1]["stats"]["findings"] == 3  # a full scan still sees the old leaks


def test_uncommitted_and_untracked_changes_count(based):
    based.write("app/old.py", OLD.replace(SECRET_A, SECRET_B))
    based.write("scratch.py", f'CLIENT_SECRET = "{SECRET_A}"\n' + VIPPS_API)
    _, document = scan_json("--diff", "main")
    assert rule_ids(document) == [("app/old.py", "KL101", 3), ("scratch.py", "KL101", 1)]


def test_renames_and_deleted_files(based):
    based.git("mv", "app/old.py", "app/renamed.py")
    based.git("rm", "-q", "app/gone.py")
    based.commit("pure rename, deletion")
    code, document = scan_json("--diff", "main")
    assert (code, document["findings"], document["errors"]) == (0, [], [])
    based.write("app/renamed.py", OLD.replace(SECRET_A, SECRET_B))
    based.commit("edit after rename")
    _, document = scan_json("--diff", "main")
    assert rule_ids(document) == [("app/renamed.py", "KL101", 3)]


def test_removing_a_suppression_shows_the_finding_it_silenced(based):
    based.write("app/quiet.py", f'# keylint: ignore[KL101] -- sample\nCLIENT_SECRET = "{SECRET_B}"\nX = 1\n' + VIPPS_API)
    based.commit("suppressed")
    based.git("checkout", "-q", "-b", "unsuppress")
    based.write("app/quiet.py", f'CLIENT_SECRET = "{SECRET_B}"\nX = 1\n' + VIPPS_API)
    based.commit("drop the suppression")
    _, document = scan_json("--diff", "feature")
    assert rule_ids(document) == [("app/quiet.py", "KL101", 1)]


def test_diff_from_a_subfolder(based, monkeypatch):
    based.write("app/new.py", f'SUBSCRIPTION_KEY = "{SUB_KEY}"\n')
    monkeypatch.chdir(based.path / "app")
    _, document = scan_json("--diff", "main", ".")
    assert rule_ids(document) == [("new.py", "KL102", 1)]


def test_unknown_ref_and_not_a_repository(based, tmp_path, monkeypatch):
    result = run("scan", "--diff", "origin/nope")
    assert result.exit_code == 2
    assert "keylint: error: --diff origin/nope: unknown git ref 'origin/nope'" in result.stderr
    outside = tmp_path / "plain"
    outside.mkdir()
    monkeypatch.chdir(outside)
    result = run("scan", "--diff", "main")
    assert result.exit_code == 2 and "not a git repository" in result.stderr


def test_shallow_clone_without_merge_base(based, tmp_path, monkeypatch):
    based.write("app/new.py", f'SUBSCRIPTION_KEY = "{SUB_KEY}"\n')
    based.commit("feature work")
    based.git("checkout", "-q", "main")
    based.write("app/main_only.py", "X = 1\n")
    based.commit("main moves on")
    clone = tmp_path / "clone"
    url = f"file://{based.path}"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", url, str(clone))
    monkeypatch.chdir(clone)
    missing = run("scan", "--diff", "origin/main")
    assert missing.exit_code == 2 and "shallow clone" in missing.stderr and "git fetch" in missing.stderr
    git(clone, "fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main")
    result = run("scan", "--format", "json", "--diff", "origin/main")
    assert "warning: shallow clone: no merge base with 'origin/main'" in result.stderr
    # Compared with main's tree itself: the new file is reported, main_only.py (absent here) is not.
    assert result.exit_code == 1 and '"path": "app/new.py"' in result.stdout and "main_only" not in result.stdout


def test_parse_patch():
    patch = (
        "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -3 +3,2 @@ def f():\n-x\n+++ y\n+z\n"
        "@@ -10,2 +11,0 @@\n-gone\n-gone\n"
        'diff --git "a/sp ace\\tq.py" "b/sp ace\\tq.py"\n--- "a/sp ace\\tq.py"\n+++ "b/sp ace\\tq.py"\n@@ -0,0 +1 @@\n+new\n'
        "diff --git a/del.py b/del.py\ndeleted file mode 100644\n--- a/del.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
        "diff --git a/old.py b/new.py\nsimilarity index 100%\nrename from old.py\nrename to new.py\n"
        "diff --git a/caf\\303\\251.py b/caf\\303\\251.py\n+++ \"b/caf\\303\\251.py\"\n@@ -1 +1 @@\n-a\n+b\n"
    )
    assert parse_patch(patch) == {"a.py": frozenset({3, 4, 12}), "sp ace\tq.py": frozenset({1}), "café.py": frozenset({1})}


def test_flow_steps_on_changed_lines_count():
    changed = ChangedLines({"views.py": frozenset({7})})
    finding = Finding("KL201", "msn-from-user-input", "high", "high", "m", "client.py", 40, 1, 40, 5, "")
    assert not changed.touches_finding(finding)
    finding.flow = (FlowStep("views.py", 7, "request.args['msn']"), FlowStep("client.py", 40, "header"))
    assert changed.touches_finding(finding)


def test_project_wide_kinds_get_every_file():
    sources = [SourcePath("/r/a.py", "a.py", "python"), SourcePath("/r/b.py", "b.py", "python")]
    changed = ChangedLines({"b.py": None})
    rules = load_rules()
    per_file = [rule for rule in rules if rule.kind == "secret"]
    assert files_to_analyse(sources, per_file, changed) == sources[1:]
    assert any(rule.kind == "taint" for rule in rules)
    assert files_to_analyse(sources, rules, changed) == sources


def test_git_missing(based, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    result = run("scan", "--diff", "main")
    assert result.exit_code == 2 and "git is not installed" in result.stderr



def test_end_to_end_in_a_subprocess(based):
    """The installed entry point, as CI runs it: annotations for the pull request's new leak only."""
    based.write("app/new.py", f'SUBSCRIPTION_KEY = "{SUB_KEY}"\n')
    based.commit("feature work")
    done = subprocess.run(
        [sys.executable, "-m", "keylint", "scan", "--diff", "main", "--format", "github"],
        cwd=based.path, capture_output=True, text=True,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[0].startswith("::error file=app/new.py,line=1,endLine=1,col=20,")
    assert len(done.stdout.splitlines()) == 2 and SUB_KEY not in done.stdout


def test_head_without_a_commit_counts_every_file_as_new(repo):
    """A first commit's pre-commit hook runs `--diff HEAD` before HEAD exists."""
    repo.write("app/settings.py", f'VIPPS_CLIENT_SECRET = "{SECRET_A}"\n')
    repo.git("add", "-A")
    code, document = scan_json("--diff", "HEAD")
    assert code == 1 and rule_ids(document) == [("app/settings.py", "KL101", 1)]
    assert run("scan", "--diff", "nosuchref").exit_code == 2
