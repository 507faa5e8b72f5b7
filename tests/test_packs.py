"""Rule packs: validation with file/line/field errors, and new rules in YAML only."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from keylint.core.findings import PITFALLS
from keylint.rules import packs
from keylint.rules.models import MODEL_PACK_SCHEMA
from keylint.rules.packs import shipped_model_paths
from keylint.rules.packs import PackError, load_pack, load_rules
from tests.conftest import write_tree

NEW_PACK = """\
pack: acme-extra
version: "0.1"
rules:
  - id: ACME001
    name: hardcoded-webhook-secret
    pitfall: hardcoded-secret
    severity: high
    confidence: medium
    message: "Vipps webhook secret written into {name}: {value}"
    docs:
      summary: A webhook signing secret is hardcoded.
      what: Flags literal webhook secrets.
      why: Anyone with the secret can forge webhook calls.
      example: WEBHOOK_SECRET = "..."
      fix: WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"]
    kind: secret
    secret:
      names: ['webhook_secret$']
      value: {min_length: 20, min_entropy: 3.5, confidence_without_shape: medium}
    examples:
      vulnerable: ['WEBHOOK_SECRET = "wh_9fK2pQ7xL1mZ8vR3tN6bY4"']
      safe: ['WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"]']
"""


def test_shipped_packs_load_with_unique_ids_and_known_pitfalls():
    rules = load_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)) and {"KL101", "KL102", "KL103", "KL104"} <= set(ids)
    assert all(r.pitfall in PITFALLS for r in rules)


def test_shipped_packs_pass_the_schemas_and_the_recorded_digest_is_theirs():
    """The shipped packs are loaded without the schema check while their digest is the one
    recorded here (keylint.rules.packs.CHECKED_DIGEST): this test is what checks them."""
    models = packs.shipped_models()
    for path in shipped_model_paths():
        packs.read_pack(path, MODEL_PACK_SCHEMA)
    for path in packs.shipped_pack_paths():
        assert packs._load(path, *packs._read(path), models)
    recorded = Path(packs.__file__).parents[2] / "rules" / packs.CHECKED_DIGEST
    assert recorded.read_text("ascii").strip() == packs.shipped_digest(), (
        "the shipped packs or schemas changed: run `python -c 'from keylint.rules.packs import shipped_digest; "
        f"print(shipped_digest())' > rules/{packs.CHECKED_DIGEST}` once this test's checks pass")


def test_shipped_packs_are_checked_in_full_when_they_differ_from_the_recorded_digest(monkeypatch):
    checked = []
    monkeypatch.setattr(packs, "_validate", lambda path, *rest: checked.append(Path(path).name))
    for trusted in (True, False):
        packs.shipped_checked.cache_clear()
        packs.shipped_models.cache_clear()
        if not trusted:
            monkeypatch.setattr(packs, "shipped_digest", lambda: "an edited install")
        checked.clear()
        load_rules()
        assert bool(checked) is not trusted
        if not trusted:
            assert "hardcoded-secrets.yaml" in checked and "http.yaml" in checked
    monkeypatch.undo()
    packs.shipped_checked.cache_clear()
    packs.shipped_models.cache_clear()


def test_a_new_rule_in_a_pack_needs_no_python(tmp_path, cli):
    write_tree(tmp_path, {"packs/extra.yaml": NEW_PACK, "app.py": 'WEBHOOK_SECRET = "wh_9fK2pQ7xL1mZ8vR3tN6bY4"\n'})
    without = cli(["scan", "--format", "json", "app.py"], cwd=tmp_path)
    with_pack = cli(["scan", "--format", "json", "--rules", "packs", "app.py"], cwd=tmp_path)
    assert json.loads(without.output)["findings"] == []
    [finding] = json.loads(with_pack.output)["findings"]
    assert (finding["rule_id"], finding["line"], finding["confidence"]) == ("ACME001", 1, "medium")
    assert with_pack.exit_code == 1
    assert "wh_9fK2pQ7xL1mZ8vR3tN6bY4" not in with_pack.output


def _pack_error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "broken.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_pack(path)
    return str(info.value)


def test_unknown_field_is_an_error_with_its_line(tmp_path):
    message = _pack_error(tmp_path, NEW_PACK.replace("    confidence: medium\n", "    confidence: medium\n    severty: low\n"))
    assert "broken.yaml:9: rules[0].severty: unknown field 'severty'" in message


def test_bad_enum_names_field_line_and_choices(tmp_path):
    message = _pack_error(tmp_path, NEW_PACK.replace("severity: high", "severity: hgih"))
    assert "broken.yaml:7: rules[0].severity: 'hgih' is not one of ['low', 'medium', 'high', 'critical']" in message


def test_bad_regex_names_its_list_index(tmp_path):
    message = _pack_error(tmp_path, NEW_PACK.replace("names: ['webhook_secret$']", "names: ['ok', '(unclosed']"))
    assert "broken.yaml:18: rules[0].secret.names[1]: invalid regex '(unclosed'" in message


def test_missing_required_field_and_unknown_pitfall(tmp_path):
    text = NEW_PACK.replace("    kind: secret\n", "").replace("pitfall: hardcoded-secret", "pitfall: leaky")
    message = _pack_error(tmp_path, text)
    assert "rules[0]: 'kind' is a required property" in message
    assert "rules[0].pitfall: 'leaky' is not one of" in message


def test_yaml_syntax_error_has_a_line(tmp_path):
    message = _pack_error(tmp_path, "pack: x\nversion: '1'\nrules: [\n  - a: b\n")
    assert "broken.yaml:4: invalid YAML:" in message and "node content" in message  # libyaml or PyYAML's wording


def test_packs_cannot_construct_python_objects(tmp_path):
    message = _pack_error(tmp_path, "pack: !!python/object/apply:os.system ['true']\nversion: '1'\nrules: []\n")
    assert "invalid YAML" in message


def test_duplicate_rule_id_across_packs_is_refused(tmp_path):
    write_tree(tmp_path, {"a.yaml": NEW_PACK, "b.yaml": NEW_PACK.replace("acme-extra", "acme-other")})
    with pytest.raises(PackError, match="ACME001 is already defined"):
        load_rules([tmp_path], include_shipped=False)


def test_cli_reports_broken_pack_and_exits_2(tmp_path, cli):
    write_tree(tmp_path, {"bad.yaml": NEW_PACK.replace("severity: high", "severity: extreme")})
    result = cli(["scan", "--rules", "bad.yaml", "."], cwd=tmp_path)
    assert result.exit_code == 2
    assert "bad.yaml:7: rules[0].severity" in result.output


def test_missing_pack_path_is_a_usage_error(tmp_path, cli):
    result = cli(["scan", "--rules", "nope.yaml", "."], cwd=tmp_path)
    assert result.exit_code == 2 and "nope.yaml: rule pack not found" in result.output


def test_test_rules_reports_false_positives_and_misses(tmp_path, cli):
    broken = NEW_PACK.replace(
        "safe: ['WEBHOOK_SECRET = os.environ[\"WEBHOOK_SECRET\"]']",
        "safe: ['WEBHOOK_SECRET = \"aB3dE5gH7jK9mN1pQ3sT5v\"']",
    ).replace("vulnerable: ['WEBHOOK_SECRET = \"wh_9fK2pQ7xL1mZ8vR3tN6bY4\"']", "vulnerable: ['WEBHOOK_SECRET = \"short\"']")
    write_tree(tmp_path, {"p.yaml": broken})
    result = cli(["test-rules", "p.yaml"], cwd=tmp_path)
    assert result.exit_code == 1
    assert "FAIL ACME001 vulnerable[0] (example.py): missed: no finding (false negative)" in result.output
    assert "FAIL ACME001 safe[0] (example.py): false positive at line(s) [1]" in result.output
    assert "0 passed, 2 failed" in result.output


def test_a_cached_rule_unpickles_its_spec_on_first_use_and_pickles_again_either_way():
    """The compiled-packs cache stores each rule's spec as bytes (keylint.rules.packs.Rule):
    loading the rules needs none of the kinds' classes, the spec is the same when used, and a
    rule is picklable again (workers under the spawn start method) before and after."""
    import pickle

    rules = load_rules()
    back = pickle.loads(pickle.dumps(rules))
    assert all("spec" not in rule.__dict__ and "models" not in rule.__dict__ for rule in back)
    again = pickle.loads(pickle.dumps(back))  # never unpickled in between
    for original, cached, twice in zip(rules, back, again):
        assert cached.screen == original.screen
        assert cached.spec == original.spec and twice.spec == original.spec
        assert cached.models == original.models and twice.models == original.models
        assert "spec" in cached.__dict__ and "_pickled" not in cached.__dict__
    assert pickle.loads(pickle.dumps(back))[0].spec == rules[0].spec
    with pytest.raises(AttributeError):
        back[0].no_such_field  # noqa: B018 - only `spec` is looked up lazily


def test_shipped_regexes_compile_when_first_used_and_an_extra_pack_is_checked_at_load():
    """The shipped packs' regexes were compiled by the test above (their digest is recorded):
    loading them again compiles none until used; a pack the user adds is compiled at load, so a
    bad regex in it is an error then (the broken-pack test above shows the message)."""
    from keylint.core.spec import Pattern
    from tests.conftest import REPO

    secret = next(rule for rule in load_rules() if rule.kind == "secret")
    pattern = secret.spec.names[0]
    assert isinstance(pattern, Pattern) and "search" not in pattern.__dict__
    pattern.search("client_secret")  # the first use compiles it
    assert "search" in pattern.__dict__
    extra = [rule for rule in load_pack(REPO / "rules" / "hardcoded-secrets.yaml") if rule.kind == "secret"]
    assert "search" in extra[0].spec.names[0].__dict__  # loaded as any pack: compiled to check it
