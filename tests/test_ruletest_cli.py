"""`keylint test-rules`: embedded examples and annotated files, for pack authors."""

from __future__ import annotations

from tests.cli_helpers import SECRET_A, SECRET_B, run, secret_pack

BAD_PACK = secret_pack(
    "BAD001",
    "(^|_)acme_key$",
    ['import os\nACME_KEY = os.environ["ACME_KEY"]\n', 'ACME_KEY = "Zr8Kq1Lm5Xv2Tn9Wb4Pd7Hs3Jf6Gc0Ay"'],
    ['ACME_KEY = "Hn4Qw9Lx2Rm7Vt1Zb5Kd8Ps3Jf6Gc0Ey"', {"file": "notes.txt", "code": "hello"}],
)


def test_shipped_packs_pass_their_own_examples():
    result = run("test-rules")
    assert result.exit_code == 0
    assert result.stdout.endswith(" passed, 0 failed\n") and "FAIL" not in result.stdout


def test_misses_and_false_positives_are_reported_with_the_example(repo):
    repo.write("bad.yaml", BAD_PACK)
    result = run("test-rules", "bad.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "FAIL BAD001 vulnerable[0] (example.py): missed: no finding (false negative)",
        "      1 | import os",
        '      2 | ACME_KEY = os.environ["ACME_KEY"]',
        "FAIL BAD001 safe[0] (example.py): false positive at line(s) [1]",
        '      1 | ACME_KEY = "Hn4Qw9Lx2Rm7Vt1Zb5Kd8Ps3Jf6Gc0Ey"',
        "FAIL BAD001 safe[1] (notes.txt): keylint does not read files named 'notes.txt'",
        "      1 | hello",
        "1 passed, 3 failed",
    ]
    verbose = run("test-rules", "-v", "bad.yaml")
    assert "ok   BAD001 vulnerable[1] (example.py): flagged at line(s) [1]" in verbose.stdout


def test_annotated_files(repo):
    repo.write("cases/settings.py", f'''
# ruleid: KL101
CLIENT_SECRET = "{SECRET_A}"
# ruleid: KL101
CLIENT_SECRET_NAME = "VIPPS_CLIENT_SECRET"
# ok: KL101
PARTNER_CLIENT_SECRET = "{SECRET_B}"
VIPPS_SECRET = "{SECRET_B}"
''')
    result = run("test-rules", "--annotated", "cases")
    assert result.exit_code == 1
    assert "FAIL cases/settings.py:5: KL101: missed" in result.stdout
    assert "FAIL cases/settings.py:7: KL101: false positive on ok line" in result.stdout
    assert "FAIL cases/settings.py:8: KL101: unexpected finding" in result.stdout
    assert result.stdout.count("FAIL cases/") == 3


def test_broken_pack_is_a_usage_error(repo):
    text = BAD_PACK.replace("severity: high", "severity: urgent")
    repo.write("broken.yaml", text)
    line = text.splitlines().index("  severity: urgent") + 1
    result = run("test-rules", "broken.yaml")
    assert result.exit_code == 2
    assert f"broken.yaml:{line}: rules[0].severity: 'urgent' is not one of" in result.stderr
