from keylint.pipeline.suppress import parse_suppressions

SECRET = "Kj8s2PqL0vX9wZ4mN7bR1tY5uE3hA6dF"


def test_suppression_forms_and_reasons():
    text = (
        "a = 1  # keylint: ignore[KL101, kl102] -- rotated test key\n"
        "# keylint: ignore\n"
        "b = 2\n"
        'c = "# keylint: ignore"\n'
    )
    first, second = parse_suppressions(text, "python")
    assert (first.target_line, first.rules, first.reason) == (1, frozenset({"KL101", "KL102"}), "rotated test key")
    assert (second.target_line, second.rules, second.reason) == (3, None, None)


def test_directive_inside_a_string_is_not_a_suppression():
    assert parse_suppressions('x = "keylint: ignore[KL101]"\n', "python") == []


def test_config_comments():
    [s] = parse_suppressions("# keylint: ignore[KL101]\nVIPPS_CLIENT_SECRET=abc\n", "env")
    assert s.target_line == 2


def test_scan_counts_suppressed_findings(tmp_path, scan_json):
    (tmp_path / "a.py").write_text(
        f'A = "{SECRET}"\n'
        f'CLIENT_SECRET = "{SECRET}"  # keylint: ignore[KL101] -- test fixture\n'
        f'# keylint: ignore[KL102]\nPROD_CLIENT_SECRET = "{SECRET}"\n'
        f'# keylint: ignore\nclient_secret = "{SECRET}"\n'
        'VIPPS_API = "https://api.vipps.no"\n'
    )
    code, doc = scan_json(tmp_path)
    assert [(f["rule_id"], f["line"]) for f in doc["findings"]] == [("KL101", 4)]
    assert doc["stats"]["suppressed"] == 2 and code == 1
