"""Property-based fuzzing (bounded): any Python that hypothesmith generates, with a key planted
in it, is analysed without an internal error, and the key is never printed in clear."""

from __future__ import annotations

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keylint.pipeline.analyse import analyse_file
from keylint.pipeline.discover import SourcePath
from keylint.rules.packs import load_rules
from tests.hardening.inputs import KEY

pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")  # hypothesmith compiles what it generates
RULES = load_rules()
FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])


def _check(source: str) -> None:
    data = f'VIPPS_CLIENT_SECRET = "{KEY}"\n{source}'.encode("utf-8", "surrogatepass")
    result = analyse_file(SourcePath("fuzz.py", "fuzz.py", "python"), data, RULES)
    assert not [e for e in result.errors if "internal error" in e.message]
    shown = " ".join([*(f.snippet + f.message for f in result.findings), *(s.note for f in result.findings for s in f.flow)])
    assert KEY[4:12] not in shown
    assert any(f.rule_id == "KL101" and f.line == 1 for f in result.findings)  # planted on line 1, found


@FUZZ
@given(hypothesmith.from_grammar())
def test_generated_python_never_breaks_the_analysis(source):
    _check(source)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("()[]{}-+~*.,:;=\"'\\#\n aA1\t")), max_size=300))
def test_random_punctuation_never_breaks_the_analysis(source):
    _check(source)
