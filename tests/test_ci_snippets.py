"""The CI snippets in README.md are the checked files under examples/ci/, and they are valid."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

TOP = Path(__file__).resolve().parent.parent
SNIPPETS = sorted((TOP / "examples" / "ci").glob("*.y*ml"))


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: p.name)
def test_readme_shows_each_snippet_verbatim(snippet):
    assert f"```yaml\n{snippet.read_text()}```" in (TOP / "README.md").read_text()
    assert yaml.safe_load(snippet.read_text())


def test_github_workflow_uploads_sarif_with_code_scanning_permission():
    workflow = yaml.safe_load((TOP / "examples/ci/github-workflow.yml").read_text())
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["keylint"]["steps"]
    upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload and upload[0]["with"]["sarif_file"] == "keylint.sarif"
    runs = " ".join(s.get("run", "") for s in steps)
    assert "--format sarif --output keylint.sarif" in runs and "--format github" in runs


def test_gitlab_snippet_publishes_code_quality_and_junit():
    job = yaml.safe_load((TOP / "examples/ci/gitlab-ci.yml").read_text())["keylint"]
    reports = job["artifacts"]["reports"]
    script = " ".join(job["script"])
    assert f"--format gitlab --output {reports['codequality']}" in script
    assert f"--format junit --output {reports['junit']}" in script


def test_composite_action():
    action = yaml.safe_load((TOP / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert all("shell" in step for step in steps if "run" in step)
    text = (TOP / "action.yml").read_text()
    for name in action["inputs"]:
        assert f"inputs.{name}" in text, name
    assert "github/codeql-action/upload-sarif@" in text
    assert "${{ inputs." not in "".join(s.get("run", "") for s in steps)  # inputs reach scripts via env only


def test_pre_commit_manifest_and_config_are_valid():
    for command, path in (("validate-manifest", ".pre-commit-hooks.yaml"), ("validate-config", "examples/ci/pre-commit-config.yaml")):
        done = subprocess.run([sys.executable, "-m", "pre_commit", command, str(TOP / path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    hook_ids = {hook["id"] for hook in yaml.safe_load((TOP / ".pre-commit-hooks.yaml").read_text())}
    config = yaml.safe_load((TOP / "examples/ci/pre-commit-config.yaml").read_text())
    assert {hook["id"] for hook in config["repos"][0]["hooks"]} <= hook_ids
