"""End to end: the shipped example app gives exactly the findings its annotations plant.

Each `# ruleid: KLxxx` line in examples/partner_app marks a line that must be flagged by that
rule, each `# ok: KLxxx` a look-alike that must not be; any other finding is a failure.
"""

from __future__ import annotations

import json
import subprocess
import sys

from keylint.cli.ruletest import check_annotated, read_annotations, run_annotated
from keylint.pipeline.scan import scan
from keylint.rules.packs import load_rules
from tests.conftest import EXAMPLE_APP, REPO


def test_example_app_findings_match_annotations_exactly():
    rules = load_rules()
    mismatches, checked, _ = run_annotated([str(EXAMPLE_APP)], rules)
    assert mismatches == []
    assert checked >= 30


def test_every_loaded_rule_has_a_plant_and_a_look_alike_in_the_example():
    verdicts = {}
    for path in EXAMPLE_APP.rglob("*"):
        if path.is_file():
            for (_, rule_id), verdict in read_annotations(path.read_text("utf-8", "replace")).items():
                verdicts.setdefault(rule_id, set()).add(verdict)
    for rule in load_rules():
        assert verdicts.get(rule.id) == {"ruleid", "ok"}, rule.id


def test_annotation_check_can_fail():
    """The comparison itself reports misses, false positives and unexpected findings."""
    report = scan([str(EXAMPLE_APP)], load_rules())
    texts = {"x.py": "# ruleid: KL101\na = 1\n# ok: KL102\nb = 2\n"}
    report.findings = [f for f in report.findings if f.path.endswith("x.py")]
    mismatches, checked, _ = check_annotated(report, {"KL101", "KL102"}, texts)
    assert [m.problem for m in mismatches] == ["missed"] and checked == 2


def test_real_command_on_the_example(tmp_path):
    """`python -m keylint scan` as a user runs it: exit 1, redacted JSON, planted secrets found."""
    env_values = [
        line.split("=", 1)[1]
        for line in (EXAMPLE_APP / ".env").read_text().splitlines()
        if line.startswith(("VIPPS_CLIENT_SECRET=", "VIPPS_SUBSCRIPTION_KEY="))
    ]
    proc = subprocess.run(
        [sys.executable, "-m", "keylint", "scan", "--format", "json", "examples/partner_app"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["errors"] == []
    assert {"KL101", "KL102", "KL103", "KL104"} <= {f["rule_id"] for f in doc["findings"]}
    assert all(f["path"].startswith("examples/partner_app/") for f in doc["findings"])
    assert env_values and not any(value in proc.stdout for value in env_values)
