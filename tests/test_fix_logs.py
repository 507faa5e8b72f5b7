"""`keylint fix` for KL401: the part of a log or print call that carries a key becomes
"<redacted>"; look-alikes and calls where masking would change more than the log are left."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from tests.cli_helpers import SECRET_A, SUB_KEY
from tests.conftest import write_tree

HEAD = '''\
import logging
import os

import structlog

log = logging.getLogger(__name__)
slog = structlog.get_logger()
SECRET = os.environ["VIPPS_CLIENT_SECRET"]
SUB = os.environ["VIPPS_SUBSCRIPTION_KEY"]


'''


def kl401(cli, root) -> list[tuple[str, int]]:
    result = cli(["scan", "--no-cache", "--format", "json", "--select", "KL401"], cwd=root)
    return [(f["path"], f["line"]) for f in json.loads(result.output)["findings"]]


def test_log_calls_are_masked_in_every_message_form_with_formatting_kept(tmp_path, cli):
    write_tree(tmp_path, {"app/client.py": HEAD + textwrap.dedent('''\
        def call(url, session):
            log.info("secret %s for %s", SECRET, url)  # why this call
            log.info(f"key {SUB!r} at {url}")
            log.info("key {} for {}".format(SUB, url))
            log.info("key " + SUB + " ok")
            log.warning(
                "token request",
                extra={"key": SUB, "url": url},  # both fields
            )
            slog.info("vipps", secret=SECRET, url=url)
            print("both %s %s" % (SECRET, SUB.strip()), url)
            print(f"key {SUB}")
            headers = {"Ocp-Apim-Subscription-Key": SUB}
            log.debug("headers=%s", headers)
            return session.get(url, headers=headers)
        ''')})
    assert len(kl401(cli, tmp_path)) == 9
    result = cli(["fix", "--rules", "KL401"], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "9 finding(s) fixed, 0 left" in result.output and "Keys already written to logs" in result.output
    assert "still in git history" not in result.output  # nothing was taken out of the code
    assert (tmp_path / "app/client.py").read_text() == HEAD + textwrap.dedent('''\
        def call(url, session):
            log.info("secret %s for %s", "<redacted>", url)  # why this call
            log.info(f"key <redacted> at {url}")
            log.info("key {} for {}".format("<redacted>", url))
            log.info("key " + "<redacted>" + " ok")
            log.warning(
                "token request",
                extra={"key": "<redacted>", "url": url},  # both fields
            )
            slog.info("vipps", secret="<redacted>", url=url)
            print("both %s %s" % ("<redacted>", "<redacted>"), url)
            print("key <redacted>")
            headers = {"Ocp-Apim-Subscription-Key": SUB}
            log.debug("headers=%s", "<redacted>")
            return session.get(url, headers=headers)
        ''')
    assert kl401(cli, tmp_path) == []
    before = (tmp_path / "app/client.py").read_text()
    again = cli(["fix"], cwd=tmp_path)
    assert again.exit_code == 0 and "0 finding(s) fixed, 0 left" in again.output
    assert (tmp_path / "app/client.py").read_text() == before


def test_look_alikes_are_not_touched(tmp_path, cli):
    code = HEAD + textwrap.dedent('''\
        def call(url, order_id):
            log.info("key has %d characters", len(SUB))
            log.info("key ends %s", SUB[-4:])
            log.info("order %s at %s", order_id, url)
            print(f"secret set: {bool(SECRET)}")
        ''')
    write_tree(tmp_path, {"app/client.py": code})
    assert kl401(cli, tmp_path) == []
    result = cli(["fix"], cwd=tmp_path)
    assert result.exit_code == 0 and "0 finding(s) fixed, 0 left" in result.output
    assert (tmp_path / "app/client.py").read_text() == code


def test_masking_that_would_change_more_than_the_log_is_not_offered(tmp_path, cli):
    code = HEAD + textwrap.dedent('''\
        def fetch_token(session):
            return session.post("https://api.vipps.no/accesstoken/get").json()["access_token"]


        def call(session, url, out):
            bound = slog.bind(key=SUB)
            log.info("token %s", fetch_token(session))
            print(SECRET, file=out)
            log.info("k %s", SUB)  # keylint: ignore[KL401] -- a test double, see conftest
            return bound
        ''')
    write_tree(tmp_path, {"app/client.py": code})
    assert kl401(cli, tmp_path) == [("app/client.py", 17), ("app/client.py", 18), ("app/client.py", 19)]
    result = cli(["fix"], cwd=tmp_path)
    assert result.exit_code == 1
    left = sorted(line for line in result.output.splitlines() if line.startswith("not fixed"))
    assert left == [
        "not fixed app/client.py:17: KL401: the call's result is used: masking would change more than the log",
        "not fixed app/client.py:18: KL401: the key reaches the call through something that cannot be masked "
        "without changing what the code does",
        "not fixed app/client.py:19: KL401: print(..., file=...) writes data, not a log",
    ]
    assert (tmp_path / "app/client.py").read_text() == code


def test_a_key_from_another_module_is_masked_and_only_log_sinks_are(tmp_path, cli):
    write_tree(tmp_path, {
        "app/conf.py": 'import os\n\nVIPPS_SUBSCRIPTION_KEY = os.environ["VIPPS_SUBSCRIPTION_KEY"]\n',
        "app/client.py": '''\
            import logging

            from app.conf import VIPPS_SUBSCRIPTION_KEY

            log = logging.getLogger(__name__)


            def call(url):
                log.info("GET %s key %s", url, VIPPS_SUBSCRIPTION_KEY)
                if not VIPPS_SUBSCRIPTION_KEY.isalnum():
                    raise ValueError(f"bad key {VIPPS_SUBSCRIPTION_KEY}")
            ''',
    })
    assert kl401(cli, tmp_path) == [("app/client.py", 9), ("app/client.py", 11)]
    result = cli(["fix"], cwd=tmp_path)
    assert "fixed app/client.py:9: KL401 -> VIPPS_SUBSCRIPTION_KEY masked as '<redacted>'" in result.output
    assert ("not fixed app/client.py:11: KL401: keylint fix masks keys in log message and printed output calls "
            "only; this sink: exception message") in result.output
    text = (tmp_path / "app/client.py").read_text()
    assert 'log.info("GET %s key %s", url, "<redacted>")' in text and 'f"bad key {VIPPS_SUBSCRIPTION_KEY}"' in text
    assert kl401(cli, tmp_path) == [("app/client.py", 11)]


def test_diff_of_a_log_fix_redacts_every_key_of_the_file_and_changes_nothing(tmp_path, cli):
    code = f'''\
        import logging
        import os

        log = logging.getLogger(__name__)
        SUB = os.environ["VIPPS_SUBSCRIPTION_KEY"]
        CLIENT_SECRET = "{SECRET_A}"
        log.info("key %s", SUB)
        '''
    write_tree(tmp_path, {"app.py": code})
    result = cli(["fix", "--diff", "--rules", "KL401"], cwd=tmp_path)
    assert result.exit_code == 1
    assert '+log.info("key %s", "<redacted>")' in result.stdout
    assert " CLIENT_SECRET = " in result.stdout and SECRET_A not in result.output and SUB_KEY not in result.output
    assert (tmp_path / "app.py").read_text() == textwrap.dedent(code)


def test_mask_fix_must_name_a_sink_model_of_the_rule_and_one_style(tmp_path, cli):
    pack = tmp_path / "pack.yaml"
    shipped = (Path(__file__).resolve().parent.parent / "rules" / "secret-flows.yaml").read_text()
    pack.write_text(shipped.replace("mask: [log-output, printed-output]", "mask: [log-output, http-request]"))
    result = cli(["test-rules", str(pack)], cwd=tmp_path)
    assert result.exit_code == 2
    assert "autofix.mask[1]: 'http-request' is not a sink model of this rule" in result.output
    pack.write_text(shipped.replace("mask: [log-output, printed-output]", "mask: [log-output]\n      env: VIPPS_X"))
    both = cli(["test-rules", str(pack)], cwd=tmp_path)
    assert both.exit_code == 2 and "rules[2].autofix: needs exactly one of the fields env, mask" in both.output


def test_a_helper_that_logs_the_key_it_is_given_is_masked_in_the_helper(tmp_path, cli):
    write_tree(tmp_path, {
        "app/util.py": 'import logging\n\nlog = logging.getLogger(__name__)\n\n\ndef log_headers(headers):\n'
                       '    log.debug("headers=%s", headers)\n',
        "app/client.py": '''\
            import os

            from app.util import log_headers

            VIPPS_SUBSCRIPTION_KEY = os.environ["VIPPS_SUBSCRIPTION_KEY"]


            def call(session, url):
                headers = {"Ocp-Apim-Subscription-Key": VIPPS_SUBSCRIPTION_KEY}
                log_headers(headers)
                return session.get(url, headers=headers)
            ''',
    })
    assert kl401(cli, tmp_path) == [("app/util.py", 7)]
    assert cli(["fix"], cwd=tmp_path).exit_code == 0
    assert (tmp_path / "app/util.py").read_text().endswith('    log.debug("headers=%s", "<redacted>")\n')
    assert "log_headers(headers)" in (tmp_path / "app/client.py").read_text()
    assert kl401(cli, tmp_path) == []
