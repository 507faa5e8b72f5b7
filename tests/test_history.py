"""`keylint scan --history`: keys anywhere in git history, each once, where it first appeared."""

from __future__ import annotations

import json

from tests.cli_helpers import CLIENT_ID, SECRET_A, SECRET_B, SUB_KEY, VIPPS_API, run


def history(*args: str) -> tuple[int, dict]:
    result = run("scan", "--no-cache", "--format", "json", "--history", *args)
    return result.exit_code, json.loads(result.stdout)


def placed(document: dict) -> list[tuple]:
    return [(f["rule_id"], f["path"], f["line"], f["history"]["commit"], f["history"]["at_head"]) for f in document["findings"]]


def test_a_key_removed_in_the_next_commit_is_found_in_history_not_at_head(repo):
    repo.write("app/settings.py", f'import os\n\nCLIENT_SECRET = "{SECRET_A}"\n' + VIPPS_API)
    repo.commit("add keys")
    added = repo.git("rev-parse", "HEAD").strip()
    repo.write("app/settings.py", 'import os\n\nCLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]\n' + VIPPS_API)
    repo.commit("read the key from the environment")
    code, document = history()
    assert code == 1
    assert placed(document) == [("KL101", "app/settings.py", 3, added, False)]
    assert document["findings"][0]["history"]["date"] == repo.git("log", "-1", "--format=%aI", added).strip()
    assert document["stats"]["commits_scanned"] == 2
    assert SECRET_A not in json.dumps(document)
    head = run("scan", "--no-cache", "--format", "json")
    assert head.exit_code == 0 and json.loads(head.stdout)["findings"] == []
    text = run("scan", "--no-cache", "--history").stdout
    assert "no longer at HEAD, still in git history" in text and "rotate it" in text and SECRET_A not in text


def test_each_key_once_where_it_first_appeared_and_whether_head_has_it(repo):
    repo.write(".env", f"VIPPS_CLIENT_SECRET={SECRET_A}\nVIPPS_CLIENT_ID={CLIENT_ID}\n")
    repo.commit("env")
    first = repo.git("rev-parse", "HEAD").strip()
    repo.write("settings.py", f'CLIENT_SECRET = "{SECRET_A}"\nSUBSCRIPTION_KEY = "{SUB_KEY}"\n' + VIPPS_API)
    repo.commit("settings")
    second = repo.git("rev-parse", "HEAD").strip()
    repo.write(".env", f"VIPPS_CLIENT_ID={CLIENT_ID}\n")
    repo.commit("drop the secret from .env (it is still in settings.py)")
    _, document = history()
    assert placed(document) == [
        ("KL101", ".env", 1, first, True),
        ("KL103", ".env", 2, first, True),
        ("KL102", "settings.py", 2, second, True),
    ]


def test_all_branches_by_default_or_only_the_range(repo):
    repo.write("README.md", "hello\n")
    repo.commit("init")
    repo.git("checkout", "-q", "-b", "experiment")
    repo.write("try.py", f'client_secret = "{SECRET_B}"\n' + VIPPS_API)
    repo.commit("try partner keys")
    repo.git("checkout", "-q", "main")
    assert [f["path"] for f in history()[1]["findings"]] == ["try.py"]
    code, document = history("main")
    assert code == 0 and document["findings"] == []
    assert [f["path"] for f in history("main..experiment")[1]["findings"]] == ["try.py"]


def test_a_value_changed_under_a_name_on_the_line_above(repo):
    """Only the value line is added; the name stands on the context line above it."""
    repo.write("client.py", 'HEADERS = {\n    "client_secret":\n        "<client_secret>",\n}\n' + VIPPS_API)
    repo.commit("placeholder")
    repo.write("client.py", f'HEADERS = {{\n    "client_secret":\n        "{SECRET_B}",\n}}\n' + VIPPS_API)
    repo.commit("real key")
    assert [(f["path"], f["line"]) for f in history()[1]["findings"]] == [("client.py", 3)]


def test_suppressions_and_baselines_apply(repo):
    repo.write("a.py", f'CLIENT_SECRET = "{SECRET_A}"  # keylint: ignore[KL101] -- revoked test key\n' + VIPPS_API)
    repo.write("b.py", f'CLIENT_SECRET = "{SECRET_B}"\n' + VIPPS_API)
    repo.commit("keys")
    repo.write("b.py", "")
    repo.commit("remove")
    code, document = history()
    assert [f["path"] for f in document["findings"]] == ["b.py"] and document["stats"]["suppressed"] == 1
    created = run("baseline", "create", "--history", "-o", "rotated.json")
    assert created.exit_code == 0 and SECRET_B not in (repo.path / "rotated.json").read_text()
    code, document = history("--baseline", "rotated.json")
    assert code == 0 and document["findings"] == [] and document["stats"]["baselined"] == 1


def test_history_needs_a_git_repository_and_a_valid_range(tmp_path, monkeypatch, repo):
    repo.write("a.py", "x = 1\n")
    repo.commit()
    bad = run("scan", "--history=nope..HEAD")
    assert bad.exit_code == 2 and "--history nope..HEAD:" in bad.stderr
    assert run("scan", "--history", "--diff", "HEAD").exit_code == 2
    outside = tmp_path / "plain"
    outside.mkdir()
    monkeypatch.chdir(outside)
    assert run("scan", "--history").exit_code == 2


def test_max_file_size_applies_to_history_blobs_as_to_the_tree(repo, monkeypatch):
    """A version over --max-file-size is not parsed (the line search still finds its key, and the
    error says why, for that blob); with the limit off the same version is analysed in full."""
    import keylint.pipeline.history as history_module

    parsed = []
    real = history_module.analyse_file
    monkeypatch.setattr(history_module, "analyse_file", lambda *a, **k: parsed.append(a[0].rel_path) or real(*a, **k))
    filler = "".join(f"value_{i} = {i}\n" for i in range(400))
    repo.write("app/settings.py", f'import os\n\nCLIENT_SECRET = "{SECRET_A}"\n' + VIPPS_API + filler)
    repo.commit("add keys")
    blob = repo.git("rev-parse", "HEAD:app/settings.py").strip()
    size = len(repo.git("cat-file", "blob", blob).encode())
    code, limited = history("--max-file-size", "4")
    assert code == 1 and placed(limited)[0][:3] == ("KL101", "app/settings.py", 3)
    assert [e["message"] for e in limited["errors"]] == [
        f"file of {size / 1024:.1f} KB is larger than --max-file-size (4 KB): not parsed; "
        f"searched line by line for hardcoded keys only (blob {blob[:12]})"]
    assert parsed == []
    code, full = history("--max-file-size", "0")
    assert code == 1 and not full["errors"] and parsed == ["app/settings.py"]
    assert placed(full) == placed(limited)
