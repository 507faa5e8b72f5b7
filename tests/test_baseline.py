"""Baselines: create, then report only new findings; stable across line moves and edits."""

from __future__ import annotations

import json

import pytest
from tests.cli_helpers import VIPPS_API, SECRET_A, SECRET_B, SUB_KEY, rule_ids, run, scan_json

LEGACY = f'''
import os

CLIENT_SECRET = "{SECRET_A}"
SUBSCRIPTION_KEY = "{SUB_KEY}"


def token():
    return {{"client_secret": "{SECRET_B}"}}
''' + VIPPS_API


def _create(*args: str) -> dict:
    result = run("baseline", "create", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads((open(".keylint-baseline.json", encoding="utf-8")).read())


def test_create_stores_fingerprints_and_counts_but_no_secrets_or_lines(repo):
    repo.write("legacy/settings.py", LEGACY)
    document = _create()
    text = open(".keylint-baseline.json", encoding="utf-8").read()
    for secret in (SECRET_A, SECRET_B, SUB_KEY):
        assert secret not in text and secret[:8] not in text
    assert all(set(entry) == {"path", "rule_id", "fingerprint", "count"} for entry in document["findings"])
    assert [(e["path"], e["rule_id"], e["count"]) for e in document["findings"]] == sorted(
        [("legacy/settings.py", "KL101", 1), ("legacy/settings.py", "KL101", 1), ("legacy/settings.py", "KL102", 1)]
    )
    assert run("baseline", "create").exit_code == 0
    assert open(".keylint-baseline.json", encoding="utf-8").read() == text  # deterministic


def test_scan_with_baseline_reports_only_new_findings(repo):
    repo.write("legacy/settings.py", LEGACY)
    _create()
    code, document = scan_json("--baseline", ".keylint-baseline.json")
    assert code == 0 and document["findings"] == [] and document["stats"]["baselined"] == 3
    repo.write("new.py", f'CLIENT_SECRET = "{SECRET_B}"\n' + VIPPS_API)
    code, document = scan_json("--baseline", ".keylint-baseline.json")
    assert code == 1 and rule_ids(document) == [("new.py", "KL101", 1)]


def test_fingerprints_survive_line_moves_and_unrelated_edits(repo):
    repo.write("legacy/settings.py", LEGACY)
    _create()
    moved = '"""Settings."""\nimport logging\n\nLOG = logging.getLogger(__name__)\n' + LEGACY.replace(
        "def token():", "def token():\n    LOG.info('fetching a token')"
    )
    repo.write("legacy/settings.py", moved + "\nTIMEOUT = 30\n")
    code, document = scan_json("--baseline", ".keylint-baseline.json")
    assert code == 0 and document["findings"] == []


def test_second_identical_leak_in_the_same_file_is_reported(repo):
    repo.write("legacy/settings.py", LEGACY)
    _create()
    repo.write("legacy/settings.py", LEGACY + f'\nCLIENT_SECRET = "{SECRET_A}"\n')
    code, document = scan_json("--baseline", ".keylint-baseline.json")
    assert code == 1
    assert rule_ids(document) == [("legacy/settings.py", "KL101", 12)]


def test_baseline_from_config_and_output_option(repo):
    repo.write("legacy/settings.py", LEGACY)
    repo.write(".keylint.yaml", "baseline: ci/keylint-baseline.json\n")
    repo.path.joinpath("ci").mkdir()
    assert run("baseline", "create").exit_code == 0
    assert (repo.path / "ci/keylint-baseline.json").is_file()
    assert run("scan").exit_code == 0
    assert run("baseline", "create", "-o", "other.json").exit_code == 0
    assert json.loads((repo.path / "other.json").read_text())["keylint_baseline"] == 1


@pytest.mark.parametrize(
    "content, expected",
    [
        (None, "nope.json: cannot read baseline"),
        ("{not json", "nope.json: not a keylint baseline (invalid JSON"),
        ('{"findings": []}', "nope.json: not a keylint baseline (version 1 expected)"),
        ('{"keylint_baseline": 1, "findings": [{"path": "a.py"}]}', "nope.json: findings[0]: malformed entry"),
    ],
)
def test_unusable_baselines_exit_2(repo, content, expected):
    repo.write("app.py", "x = 1\n")
    if content is not None:
        repo.write("nope.json", content)
    result = run("scan", "--baseline", "nope.json")
    assert result.exit_code == 2 and expected in result.stderr
