"""`keylint fix`: hard-coded keys rewritten into lookups or placeholders, formatting kept,
idempotent, checked by a scan afterwards; --diff changes nothing and never prints a key."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

from tests.cli_helpers import CLIENT_ID, SECRET_A, SECRET_B, SUB_KEY, VIPPS_API
from tests.conftest import EXAMPLE_APP, write_tree


def fix(cli, root, *args):
    return cli(["fix", *args], cwd=root)


def findings(cli, root, *rules):
    result = cli(["scan", "--no-cache", "--format", "json", "--select", ",".join(rules or ("KL101", "KL102", "KL103"))], cwd=root)
    return [(f["path"], f["rule_id"], f["line"]) for f in json.loads(result.output)["findings"]]


def test_python_literals_become_environment_lookups_with_comments_kept(tmp_path, cli):
    write_tree(tmp_path, {"app/settings.py": f'''\
        """Settings."""
        from __future__ import annotations

        DEBUG = False
        CLIENT_SECRET = "{SECRET_A}"  # from the portal, 2024
        PARTNER_CLIENT_ID = "{CLIENT_ID}"
        HEADERS = {{
            # the main APIs need it on every call
            "Ocp-Apim-Subscription-Key":   "{SUB_KEY}",
        }}
        '''})
    result = fix(cli, tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "app/settings.py").read_text() == textwrap.dedent('''\
        """Settings."""
        from __future__ import annotations
        import os

        DEBUG = False
        CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]  # from the portal, 2024
        PARTNER_CLIENT_ID = os.environ["VIPPS_PARTNER_CLIENT_ID"]
        HEADERS = {
            # the main APIs need it on every call
            "Ocp-Apim-Subscription-Key":   os.environ["VIPPS_SUBSCRIPTION_KEY"],
        }
        ''')
    assert "still in git history" in result.output and "rotate" in result.output
    assert SECRET_A not in result.output and SUB_KEY not in result.output
    assert findings(cli, tmp_path) == []
    again = fix(cli, tmp_path)
    assert again.exit_code == 0 and "0 finding(s) fixed" in again.output
    assert (tmp_path / "app/settings.py").read_text().count("import os") == 1


def test_getenv_fallback_and_pydantic_default_are_dropped_a_parameter_default_is_left(tmp_path, cli):
    write_tree(tmp_path, {
        "conf.py": f'import os\nSECRET = os.getenv("VIPPS_CLIENT_SECRET", "{SECRET_A}")\n',
        "model.py": f'from pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n    vipps_client_secret: str = "{SECRET_B}"\n',
        "client.py": f'def connect(client_secret="{SECRET_A}"):\n    return client_secret\n' + VIPPS_API,
    })
    result = fix(cli, tmp_path)
    assert (tmp_path / "conf.py").read_text() == 'import os\nSECRET = os.getenv("VIPPS_CLIENT_SECRET")\n'
    assert (tmp_path / "model.py").read_text().endswith("class Settings(BaseSettings):\n    vipps_client_secret: str\n")
    assert SECRET_A in (tmp_path / "client.py").read_text()
    assert result.exit_code == 1 and "not fixed client.py:1: KL101: a default parameter value" in result.output
    assert findings(cli, tmp_path) == [("client.py", "KL101", 1)]


def test_config_values_become_references_to_fill_and_tests_get_fakes(tmp_path, cli):
    write_tree(tmp_path, {
        ".env": f"# keys\nVIPPS_CLIENT_SECRET={SECRET_A}  # rotate yearly\n",
        "config/vipps.yaml": f"vipps:\n  management:\n    client_id: {CLIENT_ID}   # ops\n",
        "settings.toml": f'[vipps]\nsubscription_key = "{SUB_KEY}"\n',
        "appsettings.json": f'{{"Vipps": {{"ClientSecret": "{SECRET_B}"}}}}\n',
        "tests/test_client.py": f'def test_token():\n    client = make(client_secret="{SECRET_B}")\n' + VIPPS_API,
    })
    assert fix(cli, tmp_path).exit_code == 0
    assert (tmp_path / ".env").read_text() == "# keys\nVIPPS_CLIENT_SECRET=${VIPPS_CLIENT_SECRET}  # rotate yearly\n"
    assert (tmp_path / "config/vipps.yaml").read_text() == "vipps:\n  management:\n    client_id: ${VIPPS_MANAGEMENT_CLIENT_ID}   # ops\n"
    assert (tmp_path / "settings.toml").read_text() == '[vipps]\nsubscription_key = "${VIPPS_SUBSCRIPTION_KEY}"\n'
    assert (tmp_path / "appsettings.json").read_text() == '{"Vipps": {"ClientSecret": "${VIPPS_CLIENT_SECRET}"}}\n'
    assert 'make(client_secret="fake-client-secret")' in (tmp_path / "tests/test_client.py").read_text()
    assert findings(cli, tmp_path) == []


def test_env_example_gets_the_new_variables_once(tmp_path, cli):
    write_tree(tmp_path, {".env.example": "VIPPS_CLIENT_ID=\n", "app/a.py": f'CLIENT_SECRET = "{SECRET_A}"\nCLIENT_ID = "{CLIENT_ID}"\n' + VIPPS_API,
                          "app/b.py": f'client_secret = "{SECRET_B}"\n' + VIPPS_API})
    fix(cli, tmp_path)
    assert (tmp_path / ".env.example").read_text() == "VIPPS_CLIENT_ID=\nVIPPS_CLIENT_SECRET=\n"


def test_diff_prints_a_redacted_diff_and_changes_nothing(tmp_path, cli):
    write_tree(tmp_path, {"settings.py": f'CLIENT_SECRET = "{SECRET_A}"\n' + VIPPS_API, ".env.example": ""})
    result = fix(cli, tmp_path, "--diff")
    assert result.exit_code == 1
    assert "-CLIENT_SECRET = \"Kq7Z…(32 chars)\"" in result.stdout
    assert '+CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]' in result.stdout
    assert SECRET_A not in result.output
    assert (tmp_path / "settings.py").read_text() == f'CLIENT_SECRET = "{SECRET_A}"\n' + VIPPS_API
    assert "--- a/.env.example\n+++ b/.env.example\n@@ -0,0 +1 @@\n+VIPPS_CLIENT_SECRET=\n" in result.stdout
    assert (tmp_path / ".env.example").read_text() == ""


def test_rules_option_selects_fixable_rules_only(tmp_path, cli):
    write_tree(tmp_path, {"s.py": f'CLIENT_SECRET = "{SECRET_A}"\nCLIENT_ID = "{CLIENT_ID}"\n' + VIPPS_API})
    assert fix(cli, tmp_path, "--rules", "KL103").exit_code == 0
    assert findings(cli, tmp_path) == [("s.py", "KL101", 3)]  # below the added `import os`
    refused = fix(cli, tmp_path, "--rules", "KL104")
    assert refused.exit_code == 2 and "no fixable rule KL104" in refused.output


def test_fixable_rules_say_so_in_the_listing_and_docs(tmp_path, cli):
    listing = {line.split()[0]: line.split()[4] for line in cli(["rules"], cwd=tmp_path).output.splitlines()[1:]}
    assert listing["KL101"] == listing["KL102"] == listing["KL103"] == listing["KL401"] == "yes" and listing["KL104"] == "-"
    assert "masks it in Python" in cli(["rules", "show", "KL401"], cwd=tmp_path).output
    page = cli(["rules", "show", "KL101"], cwd=tmp_path).output
    assert "keylint fix --rules KL101" in page
    assert "### Fix" in cli(["rules", "show", "KL102", "--markdown"], cwd=tmp_path).output


def test_a_wrong_fix_example_fails_test_rules(tmp_path, cli):
    pack = (EXAMPLE_APP.parent.parent / "rules" / "hardcoded-secrets.yaml").read_text()
    broken = pack.replace('client_secret: "${VIPPS_CLIENT_SECRET}"  # prod', 'client_secret: "${WRONG}"  # prod')
    assert broken != pack
    (tmp_path / "pack.yaml").write_text(broken)
    result = cli(["test-rules", str(tmp_path / "pack.yaml")], cwd=tmp_path)
    assert result.exit_code == 1 and "FAIL KL101 autofix[3] (config/vipps.yaml): the fix gives:" in result.output


def test_example_app_after_fix_scans_clean_for_what_was_fixed_and_its_tests_pass(tmp_path, cli):
    app = tmp_path / "app"
    shutil.copytree(EXAMPLE_APP, app)
    result = fix(cli, app)
    left = [line for line in result.output.splitlines() if line.startswith("not fixed")]
    assert left == ["not fixed scripts/onboard_merchant.py:29: KL101: a default parameter value: reading the "
                    "environment there would happen at import time; pass the key in instead"]
    masked = sorted(line.split(" -> ")[0] for line in result.output.splitlines() if " KL401 -> " in line)
    assert masked == ["fixed scripts/admin_cli.py:58: KL401", "fixed scripts/nightly_report.py:78: KL401",
                      "fixed shophub/vipps_client.py:41: KL401"]
    assert findings(cli, app, "KL101", "KL102", "KL103", "KL401") == [("scripts/onboard_merchant.py", "KL101", 29)]
    assert "# ruleid: KL102" in (app / "scripts/admin_cli.py").read_text()  # comments survive
    assert 'log.info("accounting token for %s: %s", day, "<redacted>")' in (app / "scripts/nightly_report.py").read_text()
    # The app's tests mock the HTTP session; a stand-in `requests` module is all they import of it.
    stub = tmp_path / "stub"
    stub.mkdir()
    (stub / "requests.py").write_text("class Session:\n    pass\n")
    env = {**os.environ, "PYTHONPATH": str(stub)}
    env.pop("VIPPS_CLIENT_SECRET", None)
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=app, env=env,
                           capture_output=True, text=True)
    assert tests.returncode == 0, tests.stdout + tests.stderr


def test_pydantic_field_variable_goes_to_env_example(tmp_path, cli):
    write_tree(tmp_path, {".env.example": "", "model.py": f'class Settings(BaseSettings):\n    partner_secret: str = "{SECRET_B}"\n' + VIPPS_API})
    result = fix(cli, tmp_path)
    assert "(reads PARTNER_SECRET)" in result.output
    assert (tmp_path / ".env.example").read_text() == "PARTNER_SECRET=\n"


DJANGO_SETTINGS = '''\
    import os

    INSTALLED_APPS = ["django.contrib.auth", "shop"]
    VIPPS_BASE_URL = "https://api.vipps.no"
    '''


def test_django_application_code_reads_settings_and_the_settings_module_reads_the_environment(tmp_path, cli):
    write_tree(tmp_path, {
        ".env.example": "",
        "mysite/settings.py": DJANGO_SETTINGS,
        "shop/vipps.py": f'''\
            """Vipps client of the shop."""
            import requests

            CLIENT_SECRET = "{SECRET_A}"  # rotate yearly


            def token():
                return requests.post("https://api.vipps.no/accesstoken/get",
                                     headers={{"client_secret": CLIENT_SECRET}})
            ''',
    })
    result = fix(cli, tmp_path)
    assert result.exit_code == 0, result.output
    assert "shop/vipps.py:4: KL101 -> settings.VIPPS_CLIENT_SECRET" in result.output
    assert (tmp_path / "shop/vipps.py").read_text() == textwrap.dedent('''\
        """Vipps client of the shop."""
        import requests
        from django.conf import settings

        CLIENT_SECRET = settings.VIPPS_CLIENT_SECRET  # rotate yearly


        def token():
            return requests.post("https://api.vipps.no/accesstoken/get",
                                 headers={"client_secret": CLIENT_SECRET})
        ''')
    assert (tmp_path / "mysite/settings.py").read_text() == textwrap.dedent(DJANGO_SETTINGS) + \
        'VIPPS_CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]\n'
    assert (tmp_path / ".env.example").read_text() == "VIPPS_CLIENT_SECRET=\n"
    assert findings(cli, tmp_path) == []
    again = fix(cli, tmp_path)
    assert "0 finding(s) fixed" in again.output and (tmp_path / "mysite/settings.py").read_text().count("VIPPS_CLIENT_SECRET =") == 1


def test_django_settings_style_is_not_used_where_settings_means_something_else(tmp_path, cli):
    write_tree(tmp_path, {
        "mysite/settings/base.py": DJANGO_SETTINGS,
        "mysite/settings/prod.py": f'from .base import *  # noqa\n\nCLIENT_SECRET = "{SECRET_B}"\n' + VIPPS_API,
        "shop/client.py": f'def make(settings):\n    return settings\n\n\nCLIENT_SECRET = "{SECRET_A}"\n' + VIPPS_API,
        "billing/keys.py": f'from billing.config import settings\n\nCLIENT_SECRET = "{SECRET_A}"\n' + VIPPS_API,
    })
    result = fix(cli, tmp_path, "--diff")
    assert 'mysite/settings/prod.py:3: KL101 -> os.environ["VIPPS_CLIENT_SECRET"]' in result.output
    assert 'shop/client.py:5: KL101 -> os.environ["VIPPS_CLIENT_SECRET"]' in result.output
    assert 'billing/keys.py:3: KL101 -> os.environ["VIPPS_CLIENT_SECRET"]' in result.output
    assert "settings.VIPPS" not in result.output and "django.conf" not in result.output
    assert SECRET_A not in result.output and SECRET_B not in result.output
    assert (tmp_path / "shop/client.py").read_text().count(SECRET_A) == 1  # --diff changes nothing
