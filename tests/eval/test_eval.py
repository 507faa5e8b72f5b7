"""The evaluation set keeps its precision and recall (numbers: python tests/eval/score.py)."""

from tests.eval.score import PITFALLS, score_all


def test_precision_and_recall_per_pitfall():
    scores = score_all()
    assert set(scores) == set(PITFALLS)
    for pitfall, score in scores.items():
        assert score.tp + score.fn >= 57 and score.fp + score.tn >= 50, pitfall  # the framework corpus of issue 11
        assert score.precision >= 0.95, (pitfall, score.false_positives)
        assert score.recall >= 0.9, (pitfall, score.misses)
