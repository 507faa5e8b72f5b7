"""The key-type corpus (KL501-KL503) keeps its precision and recall (numbers: python tests/eval/score.py)."""

from keylint.rules.packs import load_rules
from tests.eval.score import KEY_TYPE_CASES, KEY_TYPE_RULES, score_annotated


def test_key_type_rules_on_the_corpus():
    assert sum(1 for _ in KEY_TYPE_CASES.iterdir()) >= 30
    scores = score_annotated(KEY_TYPE_CASES, KEY_TYPE_RULES, load_rules())
    for rule_id, score in scores.items():
        assert score.tp + score.fn >= 9 and score.tn >= 13, rule_id
        assert score.precision >= 0.95, (rule_id, score.false_positives)
        assert score.recall >= 0.9, (rule_id, score.misses)


def test_the_scorer_counts_misses_and_false_positives(tmp_path):
    """A rule set without KL503 misses every KL503 line; findings on `ok` lines count as false positives."""
    (tmp_path / "case.py").write_text(
        "import os, requests\n"
        "KEY = os.environ['VIPPS_PARTNER_SUBSCRIPTION_KEY']\n"
        "def a():\n"
        "    # ok: KL503\n"
        "    requests.post('https://api.vipps.no/epayment/v1/payments', headers={'Ocp-Apim-Subscription-Key': KEY})\n"
        "    # ruleid: KL502\n"
        "    requests.post('https://apitest.vipps.no/epayment/v1/payments', headers={'Ocp-Apim-Subscription-Key': KEY})\n",
        "utf-8",
    )
    scores = score_annotated(tmp_path, KEY_TYPE_RULES, load_rules())
    assert (scores["KL503"].fp, scores["KL503"].false_positives[0]) == (2, "case.py:5")
    assert (scores["KL502"].tp, scores["KL502"].fn, scores["KL502"].fp) == (1, 0, 0)
    without = score_annotated(tmp_path, KEY_TYPE_RULES, [r for r in load_rules() if r.id != "KL502"])
    assert (without["KL502"].tp, without["KL502"].fn, without["KL502"].misses) == (0, 1, ["case.py:7"])
