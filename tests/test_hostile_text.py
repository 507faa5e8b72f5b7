"""Output the scanned code cannot break: control characters, XML-illegal characters and line
breaks other than \\n in a scanned file, in every format."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from tests.cli_helpers import SECRET_A, run

from keylint.core.lines import position, split_lines

# A form feed and a line separator before the leak (str.splitlines() would count them as line
# breaks), an escape sequence and XML-illegal control characters on the leaking line itself.
HOSTILE = (
    "import os\n"
    "\f\n"
    'NOTE = "a\u2028b\x85c\x0bd"\n'
    f'VIPPS_CLIENT_SECRET = "{SECRET_A}"  # \x1b[2J\x1b]0;owned\x07 \x01\ufffe\n'
)
LINE = 4


@pytest.fixture
def hostile(repo):
    Path("settings.py").write_bytes(HOSTILE.encode("utf-8"))
    return repo


def scan(fmt: str) -> str:
    result = run("scan", "--format", fmt, "--color", "always", ".")
    assert result.exit_code == 1, result.output
    assert SECRET_A not in result.stdout
    return result.stdout


def test_the_line_model_is_the_parsers():
    assert len(split_lines(HOSTILE)) == 4 and len(HOSTILE.splitlines()) == 8
    assert split_lines("a\r\nb\rc\n") == ["a", "b", "c"]
    assert split_lines("a\u2028b\n", "yaml") == ["a", "b"] and split_lines("a\u2028b\n") == ["a\u2028b"]
    assert position("a\r\nbc\rd", 6) == (3, 0) and position("ab\ncd", 4) == (2, 1)


def test_text_escapes_control_characters_and_shows_the_right_line(hostile):
    out = scan("text")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)  # the colours keylint adds itself
    assert "\x1b" not in plain and "\x07" not in plain and "\x01" not in plain
    assert f"    {LINE} | VIPPS_CLIENT_SECRET = " in plain
    assert "\\x1b[2J\\x1b]0;owned\\x07 \\x01\\ufffe" in plain


def test_json_and_sarif_snippets_are_the_reported_line(hostile, sarif_schema):
    finding = json.loads(scan("json"))["findings"][0]
    assert finding["line"] == LINE and finding["snippet"].startswith("VIPPS_CLIENT_SECRET = ")
    sarif = json.loads(scan("sarif"))
    jsonschema.validate(sarif, sarif_schema)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == LINE and region["snippet"]["text"] == finding["snippet"]


def test_junit_is_well_formed(hostile):
    out = scan("junit")
    root = ET.fromstring(out.encode("utf-8"))  # a control character in the XML would raise here
    failure = root.find("./testsuite/testcase/failure")
    assert f"settings.py:{LINE}:" in failure.text and "\\x1b[2J" in failure.text and "\\ufffe" in failure.text


def test_github_annotations_stay_one_command_a_line(hostile):
    lines = scan("github").splitlines()
    assert lines[0].startswith(f"::error file=settings.py,line={LINE},")
    assert not any(re.search("[\x00-\x08\x0b-\x1f\x7f]", line) for line in lines)


def test_gitlab_is_valid_json_with_the_right_line(hostile):
    issues = json.loads(scan("gitlab"))
    assert issues[0]["location"]["lines"]["begin"] == LINE


def test_suppression_comments_count_lines_as_the_parser_does(repo):
    Path("s.py").write_text(f'\f\nx = "a\u2028b"\n# keylint: ignore[KL101] -- test key\nVIPPS_CLIENT_SECRET = "{SECRET_A}"\n')
    result = run("scan", "--format", "json", ".")
    assert result.exit_code == 0 and json.loads(result.stdout)["stats"]["suppressed"] == 1


def test_keepends_lines_join_back_to_the_text():
    text = "a\r\nb\x0cc\rd\n\ne"
    assert split_lines(text, keepends=True) == ["a\r\n", "b\x0cc\r", "d\n", "\n", "e"]
    assert "".join(split_lines(text, keepends=True)) == text and split_lines(text) == ["a", "b\x0cc", "d", "", "e"]
