"""The prefilter: which files may match, and that it never changes what a scan finds."""

import shutil
from pathlib import Path

import pytest

from keylint.cli.ruletest import run_rule_examples
from keylint.pipeline.prefilter import Prefilter, build
from keylint.pipeline.scan import ScanOptions, scan
from keylint.rules.packs import PackError, load_pack, load_rules
from hypothesis import given, settings
from hypothesis import strategies as st

from keylint.rules.tokens import Tokens, anchored, fold, tokens_in

EXAMPLE_APP = Path(__file__).resolve().parents[1] / "examples" / "partner_app"


def test_fold_keeps_only_ascii_letters_lowercased_and_digits():
    assert fold(b'CLIENT_SECRET = "x"\n# caf\xc3\xa9') == b"clientsecretxcaf"


@pytest.mark.parametrize(
    "text",
    [b"CLIENT_SECRET = 1", b"clientSecret: 1", b'{"client-secret": 1}', b'k = "client" "secret"'],
)
def test_lowercase_tokens_match_any_spelling_of_a_name(text):
    assert Tokens.of(frozenset({"clientsecret"})).found_in(text)


def test_tokens_with_capitals_match_exactly_in_the_raw_text():
    tokens = Tokens.of(frozenset({"eyJ"}))
    assert tokens.found_in(b'TOKEN = "eyJhbGciOi..."')
    assert not tokens.found_in(b"models.ForeignKey(Job)")  # letters and digits: ...ForeignKeyJob
    assert not tokens.found_in(b"EYJ")


def test_file_kinds_without_rules_never_match_and_untokened_rules_always_do():
    prefilter = Prefilter({"python": None, "env": Tokens.of(frozenset({"secret"}))})
    assert prefilter.may_match("python", b"anything")
    assert not prefilter.may_match("env", b"A=1")
    assert prefilter.may_match("env", b"MY_SECRET=1")
    assert not prefilter.may_match("yaml", b"secret: 1")


def test_build_unites_the_tokens_of_rules_per_file_kind():
    prefilter = build(load_rules())
    assert prefilter.may_match("python", b'HEADERS = {"Ocp-Apim-Subscription-Key": "..."}')
    assert prefilter.may_match("ini", b"client_id = 1")
    assert not prefilter.may_match("python", b"import os\nprint(os.environ['HOME'])\n")


def test_shipped_rules_vulnerable_examples_all_pass_their_prefilter():
    failures = [r for r in run_rule_examples(load_rules()) if not r.ok]
    assert failures == []


def _pack_with_prefilter(tmp_path, tokens: str) -> Path:
    shipped = Path(load_rules()[0].pack_path).read_text("utf-8")
    pack = tmp_path / "pack.yaml"
    pack.write_text(shipped.replace("prefilter: [clientid]", f"prefilter: {tokens}"), "utf-8")
    return pack


def test_harness_fails_a_rule_whose_prefilter_would_skip_its_own_example(tmp_path):
    rules = [r for r in load_pack(_pack_with_prefilter(tmp_path, "[notinanyexample]")) if r.id == "KL103"]
    failures = [r for r in run_rule_examples(rules) if not r.ok]
    # The rule never fires, so its fix examples have nothing to fix either.
    assert failures and all(r.expectation in ("vulnerable", "autofix") for r in failures)
    assert "prefilter" in failures[0].detail
    assert all(r.detail.startswith("not fixed") for r in failures if r.expectation == "autofix")


def test_pack_schema_rejects_tokens_the_folded_text_cannot_contain(tmp_path):
    with pytest.raises(PackError, match="prefilter"):
        load_pack(_pack_with_prefilter(tmp_path, "[client_id]"))


def test_scan_finds_the_same_with_and_without_prefilter(tmp_path):
    tree = tmp_path / "app"
    shutil.copytree(EXAMPLE_APP, tree)
    (tree / "shophub" / "money.py").write_text("def to_minor_units(amount):\n    return int(amount * 100)\n")
    rules = load_rules()
    on = scan([str(tree)], rules, ScanOptions(prefilter=True))
    off = scan([str(tree)], rules, ScanOptions(prefilter=False))
    assert on.findings and [f.to_dict() for f in on.findings] == [f.to_dict() for f in off.findings]
    assert on.errors == off.errors
    assert on.prefiltered > 0 and off.prefiltered == 0
    assert on.files_scanned == off.files_scanned


def test_prefiltered_file_is_not_parsed(tmp_path):
    (tmp_path / "broken.py").write_text("def (:\n", "utf-8")
    (tmp_path / "broken_secret.py").write_text('VIPPS_API = "https://api.vipps.no"\nCLIENT_SECRET = (\n', "utf-8")
    report = scan([str(tmp_path)], load_rules(), ScanOptions(root=str(tmp_path)))
    assert [e.path for e in report.errors] == ["broken_secret.py"]
    assert report.prefiltered == 1


def test_a_key_name_without_vipps_evidence_is_not_parsed(tmp_path):
    """The name passes the prefilter, but without Vipps evidence in the file no secret rule can
    fire (tests/kinds/test_vipps_evidence.py): the file is not parsed, so its syntax error goes
    unreported, as a prefiltered file's does. With evidence, even in a comment, it is parsed."""
    (tmp_path / "oauth.py").write_text("CLIENT_SECRET = (\n", "utf-8")
    (tmp_path / "vipps.py").write_text("# Vipps keys\nCLIENT_SECRET = (\n", "utf-8")
    for name, errors in (("oauth.py", []), ("vipps.py", ["vipps.py"])):
        report = scan([str(tmp_path / name)], load_rules(), ScanOptions(root=str(tmp_path)))
        assert [e.path for e in report.errors] == errors
        assert report.prefiltered == 0 and report.files_scanned == 1


def test_name_tokens_are_matched_without_their_separators():
    tokens = Tokens.of(frozenset({"merchant-serial-number", "client_id"}))
    assert tokens.found_in(b'headers["Merchant-Serial-Number"] = msn')
    assert tokens.found_in(b"CLIENT_ID = os.environ['X']")
    assert not tokens.found_in(b"serial_number = 1")


GATE_LIKE = frozenset({"epayment/v", "report/v", "report/v2", "qr/v", "merchant-serial-number", "merchant_serial_number",
                       "msn", "vipps", "apitest.vipps.no", "access-management-1", "accesstoken/get", "sales-units"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted(GATE_LIKE) + ["/", "v", "Report/V2", "MSN", "ment", "sales", " ", "x", "\n"]), max_size=12))
def test_the_anchored_search_finds_exactly_the_tokens_a_plain_search_finds(parts):
    """Anchors (shared substrings, `/v` among them) only skip work: the result is that of looking
    for every token in the lowercased text."""
    text = "".join(parts)
    assert tokens_in(text, GATE_LIKE) == frozenset(t for t in GATE_LIKE if t in text.lower())


def test_api_path_tokens_share_the_slash_anchor():
    groups = dict(anchored(GATE_LIKE))
    assert set(groups["/v"]) == {"epayment/v", "report/v", "report/v2", "qr/v"}


@settings(max_examples=300, deadline=None)
@given(st.frozensets(st.text(alphabet="abcd/_x", min_size=1, max_size=9), max_size=25))
def test_anchored_puts_every_token_in_one_group_under_an_anchor_it_contains(tokens):
    groups = anchored(tokens)
    members = [t for _, group in groups for t in group]
    assert sorted(members) == sorted(tokens)
    for anchor, group in groups:
        assert all(anchor in t for t in group)
        assert len(group) == 1 or len(anchor) >= 4 or ("/" in anchor and len(anchor) >= 2)
