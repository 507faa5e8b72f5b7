"""The release tooling: the tag, pyproject's version and a dated changelog section must agree."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
import yaml

from tests.conftest import REPO

spec = importlib.util.spec_from_file_location("release_notes", REPO / ".ci" / "release_notes.py")
release_notes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(release_notes)
VERSION = release_notes.project_version()


def test_release_notes_need_the_matching_tag_and_a_dated_section():
    dated = f"# Changelog\n\n## [{VERSION}] - 2026-01-31\n\n### Added\n\n- a thing\n\n## [0.0.1] - 2025-01-01\n\n- old\n"
    assert release_notes.notes(f"v{VERSION}", dated) == "### Added\n\n- a thing\n"
    with pytest.raises(ValueError, match="does not match version"):
        release_notes.notes("v9.9.9", dated)
    with pytest.raises(ValueError, match="date the"):
        release_notes.notes(f"v{VERSION}", dated.replace("2026-01-31", "unreleased"))
    with pytest.raises(ValueError, match="no section"):
        release_notes.notes(f"v{VERSION}", "# Changelog\n")


def test_the_changelog_has_a_section_for_the_current_version():
    """Not dated yet: the script refuses to release it until it is."""
    done = subprocess.run([sys.executable, str(REPO / ".ci" / "release_notes.py"), f"v{VERSION}"], capture_output=True, text=True)
    assert done.returncode == 1 and f"date the {VERSION} section" in done.stderr


def test_workflows_pin_actions_by_commit_and_release_runs_the_package_check():
    for path in sorted((REPO / ".github" / "workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text())
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    name, _, ref = step["uses"].partition("@")
                    assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), (path.name, step["uses"])
    release = yaml.safe_load((REPO / ".github" / "workflows" / "release.yml").read_text())
    runs = " ".join(step.get("run", "") for step in release["jobs"]["release"]["steps"])
    assert "bash .ci/package" in runs and ".ci/release_notes.py" in runs
    assert release["jobs"]["release"]["permissions"]["id-token"] == "write"
    assert release[True]["push"]["tags"] == ["v*"]  # YAML 1.1 reads the key `on` as True
