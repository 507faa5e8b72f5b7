"""Every shipped rule's own examples: vulnerable ones must be flagged, safe ones must not."""

import pytest

from keylint.cli.ruletest import _examples, run_example
from keylint.rules.packs import load_rules

CASES = [(rule, example) for rule in load_rules() for example in _examples(rule)]


@pytest.mark.parametrize("rule,example", CASES, ids=[f"{r.id}-{e[0]}-{e[1]}" for r, e in CASES])
def test_rule_example(rule, example):
    result = run_example(rule, *example)
    assert result.ok, result.detail


def test_every_rule_has_both_kinds_of_example():
    for rule in load_rules():
        assert rule.examples["vulnerable"] and rule.examples["safe"], rule.id
