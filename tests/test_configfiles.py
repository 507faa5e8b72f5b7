from keylint.facts.configfiles import read_env, read_ini, read_json, read_toml, read_yaml


def spans(bindings):
    return [(b.name, b.value, b.line, b.column, b.end_column) for b in bindings]


def test_env_handles_export_quotes_and_comments():
    text = 'export A=one\nB="two words"\n# C=hidden\nD=three # note\nE=\n'
    assert spans(read_env(text)) == [
        ("A", "one", 1, 10, 13),
        ("B", "two words", 2, 4, 13),
        ("D", "three", 4, 3, 8),
        ("E", "", 5, 3, 3),
    ]


def test_yaml_scalars_k8s_env_pairs_and_compose_lists():
    text = (
        "vipps:\n"
        "  client_secret: 'abc'\n"
        "env:\n"
        "  - name: VIPPS_CLIENT_SECRET\n"
        "    value: def\n"
        "environment:\n"
        "  - SUBSCRIPTION_KEY=ghi\n"
        "port: 8080\n"
    )
    found = {(b.name, b.value, b.line, b.column) for b in read_yaml(text)}
    assert ("client_secret", "abc", 2, 19) in found
    assert ("VIPPS_CLIENT_SECRET", "def", 5, 12) in found
    assert ("SUBSCRIPTION_KEY", "ghi", 7, 22) in found
    assert not any(b.name == "port" for b in read_yaml(text))


def test_json_pairs_are_found_at_any_depth_with_positions():
    text = '{\n  "Vipps": {"ClientSecret": "abc\\"d"}\n}'
    [binding] = [b for b in read_json(text) if b.name == "ClientSecret"]
    assert (binding.value, binding.line, binding.column) == ('abc"d', 2, 30)


def test_toml_and_ini_keep_sections_as_scope():
    toml = '[vipps.partner]\nclient_secret = "abc"\n'
    ini = "[vipps]\nclient_secret: abc ; comment\n"
    assert spans(read_toml(toml)) == [("client_secret", "abc", 2, 18, 21)]
    assert read_toml(toml)[0].scope == "vipps.partner"
    assert spans(read_ini(ini)) == [("client_secret", "abc", 2, 16, 19)]
