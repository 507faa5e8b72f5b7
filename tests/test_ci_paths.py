"""CI formats name files relative to the repository's top level; one scan writes several reports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
from tests.cli_helpers import SECRET_A, run

LEAK = f'VIPPS_CLIENT_SECRET = "{SECRET_A}"\n'


def test_a_sub_folder_scan_reports_repository_paths_in_every_ci_format(repo, monkeypatch, sarif_schema):
    repo.write("services/pay/app/settings.py", LEAK)
    repo.write("README.md", "monorepo\n")
    monkeypatch.chdir(repo.path / "services" / "pay")
    result = run(
        "scan", "--format", "github", "-o", "sarif:out.sarif", "-o", "gitlab:gl.json", "-o", "junit:junit.xml",
        "-o", "json:out.json", ".",
    )
    assert result.exit_code == 1
    expected = "services/pay/app/settings.py"
    assert f"file={expected}," in result.stdout

    sarif = json.loads(Path("out.sarif").read_text())
    jsonschema.validate(sarif, sarif_schema)
    run_ = sarif["runs"][0]
    location = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": expected, "uriBaseId": "%SRCROOT%"}
    base = run_["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == repo.path.resolve().as_uri() + "/"
    assert (Path(base.removeprefix("file://")) / location["uri"]).is_file()

    assert [issue["location"]["path"] for issue in json.loads(Path("gl.json").read_text())] == [expected]
    assert [case.get("file") for case in ET.parse("junit.xml").iter("testcase")] == [expected]
    # JSON and text keep project-relative paths (baselines and fingerprints depend on them).
    assert [f["path"] for f in json.loads(Path("out.json").read_text())["findings"]] == ["app/settings.py"]


def test_outside_git_the_ci_workspace_is_the_base(tmp_path, monkeypatch):
    project = tmp_path / "workspace" / "sub"
    project.mkdir(parents=True)
    (project / "settings.py").write_text(LEAK)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "workspace"))
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(project)
    result = run("scan", "--format", "gitlab", ".")
    assert [issue["location"]["path"] for issue in json.loads(result.stdout)] == ["sub/settings.py"]


def test_outputs_take_a_format_or_the_format_option(repo):
    repo.write("settings.py", LEAK)
    result = run("scan", "--format", "json", "-o", "plain.json", "-o", "sarif:-")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["version"] == "2.1.0"  # the SARIF went to stdout
    assert json.loads(Path("plain.json").read_text())["findings"][0]["rule_id"] == "KL101"

    nothing_else = run("scan", "-o", "report.txt")
    assert nothing_else.stdout == "" and "KL101" in Path("report.txt").read_text()


def test_output_usage_errors(repo):
    repo.write("settings.py", "x = 1\n")
    twice = run("scan", "-o", "json:-", "-o", "sarif:-")
    assert twice.exit_code == 2 and "more than one report on stdout" in twice.stderr
    empty = run("scan", "-o", "sarif:")
    assert empty.exit_code == 2 and "no file named" in empty.stderr
