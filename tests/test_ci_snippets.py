"""The CI snippets in README.md and docs/ci.md are the checked files under examples/ci/, and they are valid."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

TOP = Path(__file__).resolve().parent.parent
SNIPPETS = sorted((TOP / "examples" / "ci").glob("*.y*ml"))


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: p.name)
def test_readme_or_ci_guide_shows_each_snippet_verbatim(snippet):
    shown = (TOP / "README.md").read_text() + (TOP / "docs" / "ci.md").read_text()
    assert f"```yaml\n{snippet.read_text()}```" in shown
    assert yaml.safe_load(snippet.read_text())


def test_github_workflow_writes_every_report_from_one_scan():
    workflow = yaml.safe_load((TOP / "examples/ci/github-workflow.yml").read_text())
    assert workflow["permissions"]["security-events"] == "write" and workflow["permissions"]["actions"] == "read"
    steps = workflow["jobs"]["keylint"]["steps"]
    upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload and upload[0]["with"]["sarif_file"] == "keylint.sarif" and "fork" in upload[0]["if"]
    scans = [s["run"] for s in steps if "keylint scan" in s.get("run", "")]
    assert len(scans) == 1 and "--format github --output sarif:keylint.sarif" in scans[0]
    assert all(re.search(r"@[0-9a-f]{40}$", s["uses"]) for s in steps if "uses" in s)


def test_gitlab_snippet_publishes_every_report_from_one_scan():
    job = yaml.safe_load((TOP / "examples/ci/gitlab-ci.yml").read_text())["keylint"]
    reports = job["artifacts"]["reports"]
    scans = [line for line in job["script"] if "keylint scan" in line]
    assert len(scans) == 1
    for fmt, report in (("gitlab", "codequality"), ("gitlab-sast", "sast"), ("junit", "junit")):
        assert f"--output {fmt}:{reports[report]}" in scans[0]


def test_composite_action():
    action = yaml.safe_load((TOP / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert all("shell" in step for step in steps if "run" in step)
    text = (TOP / "action.yml").read_text()
    for name in action["inputs"]:
        assert f"inputs.{name}" in text, name
    assert "${{ inputs." not in "".join(s.get("run", "") for s in steps)  # inputs reach scripts via env only
    uses = [step["uses"] for step in steps if "uses" in step]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", u) for u in uses), uses  # pinned by commit
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["update-environment"] is False  # the caller's `python` stays as it was
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert "steps.scan.outputs.sarif-file != ''" in upload["if"] and "fork" in upload["if"]
    assert "".join(step.get("run", "") for step in steps).count(" scan ") == 1  # one scan, several reports


def test_composite_action_scan_step_runs(repo, tmp_path):
    """The scan step's script itself, with paths and arguments given one per line."""
    step = next(s for s in yaml.safe_load((TOP / "action.yml").read_text())["runs"]["steps"] if s.get("id") == "scan")
    repo.write("my app/settings.py", 'VIPPS_CLIENT_SECRET = "Kq7Zr2Lm9Xv4Tn1Wb8Pd5Hs3Jf6Gc0Ay"\n')
    repo.write("other/low.py", "x = 1\n")
    outputs, summary = tmp_path / "out", tmp_path / "summary.md"
    env = {
        **os.environ,
        "KEYLINT": str(Path(sys.executable).with_name("keylint")),
        "KEYLINT_PATHS": "my app\n  other  \n\n",
        "KEYLINT_DIFF": "", "KEYLINT_BASELINE": "",
        "KEYLINT_ARGS": "--min-severity=high\n--no-cache\n",
        "KEYLINT_SARIF": "keylint.sarif",
        "GITHUB_OUTPUT": str(outputs), "GITHUB_STEP_SUMMARY": str(summary),
    }
    done = subprocess.run(["bash", "-eo", "pipefail", "-c", step["run"]], cwd=repo.path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("::error file=my app/settings.py,line=1,"), done.stdout
    assert outputs.read_text().splitlines() == ["exit-code=1", "sarif-file=keylint.sarif"]
    assert json.loads((repo.path / "keylint.sarif").read_text())["runs"][0]["results"][0]["ruleId"] == "KL101"
    assert "| KL101 hardcoded-client-secret | critical | 1 |" in summary.read_text()


def test_pre_commit_manifest_and_config_are_valid():
    for command, path in (("validate-manifest", ".pre-commit-hooks.yaml"), ("validate-config", "examples/ci/pre-commit-config.yaml")):
        done = subprocess.run([sys.executable, "-m", "pre_commit", command, str(TOP / path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    hook_ids = {hook["id"] for hook in yaml.safe_load((TOP / ".pre-commit-hooks.yaml").read_text())}
    config = yaml.safe_load((TOP / "examples/ci/pre-commit-config.yaml").read_text())
    assert {hook["id"] for hook in config["repos"][0]["hooks"]} <= hook_ids


def test_hooks_take_every_file_kind_keylint_reads():
    from keylint.pipeline.discover import FILE_KINDS

    examples = [glob.replace("*", "x") for _, globs in FILE_KINDS for glob in globs]
    for hook in yaml.safe_load((TOP / ".pre-commit-hooks.yaml").read_text()):
        files = re.compile(hook["files"])
        assert [name for name in examples if not files.search("dir/" + name)] == [], hook["id"]
