"""The example partner app: every KL201/KL301/KL302/KL401 annotation holds."""

from pathlib import Path

from keylint.cli.ruletest import run_annotated, run_rule_examples

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DATA_FLOW_RULES = {"KL201", "KL301", "KL302", "KL401"}


def test_rule_examples_pass(shipped_rules):
    failures = [r for r in run_rule_examples([r for r in shipped_rules if r.id in DATA_FLOW_RULES]) if not r.ok]
    assert failures == []


def test_annotated_example_app(shipped_rules):
    rules = [r for r in shipped_rules if r.id in DATA_FLOW_RULES]
    mismatches, checked, _ = run_annotated([str(EXAMPLES)], rules)
    assert mismatches == []
    assert checked >= 25
