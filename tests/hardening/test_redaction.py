"""No planted key is printed or stored in clear: every format, -o files, the baseline,
--explain-keys and every cache file are searched for any 8 characters of each key."""

from __future__ import annotations

import textwrap
from pathlib import Path

KEYS = {
    "client_secret": "Lq4Wm8Zr2Tx6Vb0Nc3Hd7Jf1Gs5Ky9Pa",
    "subscription": "4c8e2a6b0d9f13577531f9d0b6a2e8c4",
    "slashed": "Rt5/Yu1Io8Pa4Sd6Fg0JkHb3Nq7Wc2Xe+",
    "jwt": "eyJ6cXh2Ijoia3EiLCJ3cSI6Inp6In0.eyJ6cSI6ImtleWxpbnQtcGxhbnRlZCJ9.UGxhbnRlZFNpZ25hdHVyZTQy",
    "reason": "Mn4Bv5Cx6Za7Sd8Fg9Hj0Kl1Qw2Er3Ty",
}

APP = textwrap.dedent(f'''\
    import logging
    import requests
    from flask import request

    API = "https://api.vipps.no"
    CLIENT_SECRET = "{KEYS["client_secret"]}"
    log = logging.getLogger(__name__)


    def capture(reference):
        headers = {{"Ocp-Apim-Subscription-Key": "{KEYS["subscription"]}", "client_secret": "{KEYS["slashed"]}"}}
        headers["Merchant-Serial-Number"] = request.form["msn"]
        log.info("secret %s", CLIENT_SECRET, extra={{"client_secret": "{KEYS["slashed"]}"}})
        return requests.post(f"{{API}}/epayment/v1/payments/{{reference}}/capture", headers=headers)


    def pay():
        return requests.post(API + "/epayment/v1/payments", headers={{"Authorization": "Bearer {KEYS["jwt"]}", "client_secret": "{KEYS["slashed"]}", "Merchant-Serial-Number": request.args["msn"]}})


    def refund():
        return requests.post(API, headers={{"client_secret": "{KEYS["slashed"]}", "Authorization": "Bearer {KEYS["jwt"]}"}})


    def token():
        return requests.post(API + "/accesstoken/get", headers={{"client_secret": "{KEYS["reason"]}", "Merchant-Serial-Number": request.args["msn"]}})  # keylint: ignore[KL101] -- the old key {KEYS["reason"]} was rotated
''')

FRAGMENTS = {key[i:i + 8] for key in KEYS.values() for i in range(len(key) - 7)}


def _leaks(data: bytes) -> list[str]:
    return sorted(f for f in FRAGMENTS if f.encode() in data)


def test_no_output_or_stored_file_holds_a_planted_key(cli, tmp_path):
    project, out, cache = tmp_path / "project", tmp_path / "out", tmp_path / "cache"
    project.mkdir()
    out.mkdir()
    (project / "app.py").write_text(APP, "utf-8")
    printed = []
    for fmt in ("text", "json", "sarif", "github", "gitlab", "junit"):
        for run in range(2):  # cold, then from the cache
            result = cli(["scan", "--cache-dir", str(cache), "--format", fmt, "--explain-keys", "."], cwd=project)
            assert result.exit_code == 1, result.output
            printed.append(result.output.encode())
        cli(["scan", "--cache-dir", str(cache), "--format", fmt, "-o", str(out / f"report.{fmt}"), "."], cwd=project)
    cli(["baseline", "create", "-o", str(out / "baseline.json"), "."], cwd=project)
    stored = [p for p in [*out.iterdir(), *cache.rglob("*")] if p.is_file()]
    assert {p.name for p in out.iterdir()} == {f"report.{f}" for f in ("text", "json", "sarif", "github", "gitlab", "junit")} | {"baseline.json"}
    assert any(p.parent.parent.name == "project" for p in stored) and any(p.parent.parent.name == "results" for p in stored)
    assert b"Bear" in printed[0] and b"KL201" in printed[0] and b"explain" not in printed[0]  # the lines were reported
    assert [(p.name, _leaks(p.read_bytes())) for p in stored if _leaks(p.read_bytes())] == []
    assert [_leaks(text) for text in printed if _leaks(text)] == []


def test_the_search_would_see_a_key_in_clear(cli, tmp_path):
    """The check above can fail: with --no-redact the same search finds the keys."""
    (tmp_path / "app.py").write_text(APP, "utf-8")
    result = cli(["scan", "--no-cache", "--no-redact", "."], cwd=tmp_path)
    assert _leaks(result.output.encode())
