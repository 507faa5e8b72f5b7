"""Vipps evidence: generic key names (client_secret, access_token, Authorization) count only in
code that shows Vipps, and every finding names what showed it. Each case has a twin that a
name-matcher would treat the same."""

from __future__ import annotations

import textwrap

import pytest

from tests.conftest import scan_project


@pytest.fixture(scope="module")
def flow_rules(shipped_rules):
    return [r for r in shipped_rules if r.id in ("KL301", "KL401")]


def found(tmp_path, flow_rules, files: dict) -> list[tuple]:
    report = scan_project(tmp_path, {p: textwrap.dedent(c) for p, c in files.items()}, flow_rules)
    return [(f.rule_id, f.path, f.line) for f in report.findings]


FASTAPI_LOGIN = """\
    import logging
    from fastapi import FastAPI

    app = FastAPI()
    log = logging.getLogger(__name__)

    @app.post("/token")
    async def login(form_data):
        access_token = create_access_token(data={"sub": form_data.username})
        log.info("token %s", access_token)
        return {"access_token": access_token, "token_type": "bearer"}
    """


def test_a_module_that_never_shows_vipps_gives_nothing(tmp_path, flow_rules):
    assert found(tmp_path, flow_rules, {"app.py": FASTAPI_LOGIN}) == []


def test_the_same_code_calling_vipps_is_reported_with_its_evidence(tmp_path, flow_rules):
    code = FASTAPI_LOGIN.replace("create_access_token(data={\"sub\": form_data.username})",
                                 "requests.post(\"https://api.vipps.no/accesstoken/get\", headers=h).json()[\"access_token\"]")
    report = scan_project(tmp_path, {"app.py": textwrap.dedent(code)}, flow_rules)
    assert sorted((f.rule_id, f.line) for f in report.findings) == [("KL301", 11), ("KL401", 10)]
    message = next(f.message for f in report.findings if f.rule_id == "KL401")
    assert "; Vipps evidence: " in message and "accesstoken/get" in message
    assert report.findings[0].flow[0].note.startswith("evidence: ")


TWO_CLIENTS = """\
    import logging
    import requests

    log = logging.getLogger(__name__)

    class KeycloakClient:
        token_url = "https://sso.example.com/realms/shop/protocol/openid-connect/token"

        def __init__(self, client_id, client_secret):
            self.client_id, self.client_secret = client_id, client_secret

        def debug(self):
            log.debug("keycloak %s", self.client_secret)

    class PaymentsClient:
        def __init__(self, client_id, client_secret, subscription_key):
            self.client_id, self.client_secret, self.subscription_key = client_id, client_secret, subscription_key

        def debug(self):
            log.debug("client %s secret %s", self.client_id, self.client_secret)

        def token(self):
            headers = {"client_id": self.client_id, "client_secret": self.client_secret,
                       "Ocp-Apim-Subscription-Key": self.subscription_key}
            return requests.post("https://api.vipps.no/accesstoken/get", headers=headers).json()["access_token"]

    class TokenCache:
        def __init__(self):
            self.access_token = None

        def debug(self):
            log.debug("cached %s", self.access_token)
    """


def test_reach_is_the_class_that_shows_a_service_else_the_module(tmp_path, flow_rules):
    # KeycloakClient shows another host: its secret is not a Vipps key. PaymentsClient shows
    # Vipps. TokenCache shows nothing itself, so the module (which shows Vipps) decides.
    assert found(tmp_path, flow_rules, {"clients.py": TWO_CLIENTS}) == [
        ("KL401", "clients.py", 20), ("KL401", "clients.py", 32)]


def test_without_the_vipps_client_the_module_shows_nothing(tmp_path, flow_rules):
    start = TWO_CLIENTS.index("    class PaymentsClient")
    end = TWO_CLIENTS.index("    class TokenCache")
    assert found(tmp_path, flow_rules, {"clients.py": TWO_CLIENTS[:start] + TWO_CLIENTS[end:]}) == []


def test_client_id_is_an_identifier_in_logs_but_not_for_merchants(tmp_path, flow_rules):
    code = """\
        import logging
        import os
        from django.http import JsonResponse

        log = logging.getLogger(__name__)
        VIPPS_CLIENT_ID = os.environ["VIPPS_CLIENT_ID"]

        def status(request):
            log.info("using client %s", VIPPS_CLIENT_ID)
            return JsonResponse({"clientId": VIPPS_CLIENT_ID})
        """
    assert found(tmp_path, flow_rules, {"views.py": code}) == [("KL301", "views.py", 10)]


MASKING = """\
    import logging
    import jwt
    import requests

    log = logging.getLogger(__name__)
    SENSITIVE = {"authorization", "ocp-apim-subscription-key"}
    ACCESS_TOKEN = "access_token"

    def call(url, token, sub_key, shown):
        headers = {"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": sub_key, "Merchant-Serial-Number": "123456"}
        log.info("headers %s", {k: ("[REDACTED]" if k.lower() in SENSITIVE else v) for k, v in headers.items()})
        log.info("headers %s", {k: v for k, v in headers.items() if k.lower() not in SENSITIVE})
        safe = dict(headers)
        safe["Authorization"] = "[REDACTED]"
        safe["Ocp-Apim-Subscription-Key"] = "[REDACTED]"
        log.info("headers %s", safe)
        log.info("headers %s", {**headers, "Authorization": "***", "Ocp-Apim-Subscription-Key": "***"})
        log.info("auth %s", 'Bearer [REDACTED]' if shown else 'Not included')
        log.info("field %s, length %d, expires %s", ACCESS_TOKEN, len(token), jwt.decode(token, options={})["exp"])
        return requests.post(url, headers=headers)
    """


def test_masks_filters_lengths_constants_and_claims_are_not_keys(tmp_path, flow_rules):
    assert found(tmp_path, flow_rules, {"client.py": MASKING}) == []


def test_a_filter_that_lets_a_key_through_names_that_key(tmp_path, flow_rules):
    leaky = MASKING.replace('if k.lower() not in SENSITIVE}', 'if k.lower() != "authorization"}')
    report = scan_project(tmp_path, {"client.py": textwrap.dedent(leaky)}, flow_rules)
    assert [(f.rule_id, f.line) for f in report.findings] == [("KL401", 12)]
    assert "stored as 'Ocp-Apim-Subscription-Key'" in report.findings[0].message


def test_a_token_response_is_a_secret_as_a_whole(tmp_path, flow_rules):
    code = """\
        import requests

        def token(headers):
            resp = requests.post("https://api.vipps.no/accesstoken/get", headers=headers, timeout=10)
            print("status", resp.status_code, resp.json()["expires_in"])
            print(resp.text)
            return resp.json()["access_token"]
        """
    assert found(tmp_path, flow_rules, {"token.py": code}) == [("KL401", "token.py", 6)]


def test_evidence_follows_the_value_across_modules(tmp_path, flow_rules):
    view = """\
        from django.http import JsonResponse
        from app.settings import CLIENT_SECRET

        def config(request):
            return JsonResponse({"secret": CLIENT_SECRET})
        """
    generic = {"app/__init__.py": "", "app/views.py": view,
               "app/settings.py": 'import os\nCLIENT_SECRET = os.environ["OIDC_CLIENT_SECRET"]\n'}
    assert found(tmp_path / "generic", flow_rules, generic) == []
    vipps = {**generic, "app/settings.py": 'import os\nCLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]\n'}
    assert found(tmp_path / "vipps", flow_rules, vipps) == [("KL301", "app/views.py", 5)]


def test_tuple_elements_keep_their_own_taint(tmp_path, flow_rules):
    code = """\
        import logging
        import requests

        log = logging.getLogger(__name__)

        class TokenClient:
            def _fetch(self):
                body = requests.post("https://api.vipps.no/accesstoken/get", headers=self.headers).json()
                return body["access_token"], int(body["expires_in"])

            def token(self):
                token, expires_in = self._fetch()
                log.info("token cached for %s s", expires_in - 60)
                pair = self._fetch()
                log.info("expires in %s s", pair[1])
                log.info("token %s", pair[0])
                return token
        """
    assert found(tmp_path, flow_rules, {"tokens.py": code}) == [("KL401", "tokens.py", 16)]


def test_an_objects_fields_are_separate_from_each_other(tmp_path, flow_rules):
    code = """\
        import hashlib
        import logging
        import os
        import requests

        log = logging.getLogger(__name__)

        class KeySet:
            def __init__(self, client_id, client_secret, kind):
                self.client_id, self.client_secret, self.kind = client_id, client_secret, kind

            def fingerprint(self):
                return hashlib.sha256(self.client_secret.encode()).hexdigest()[:12]

        def token():
            keys = KeySet(os.environ["VIPPS_CLIENT_ID"], os.environ["VIPPS_CLIENT_SECRET"], "partner")
            log.info("kind %s fingerprint %s length %d", keys.kind, keys.fingerprint(), len(keys.client_secret))
            log.info("secret %s", keys.client_secret)
            return requests.post("https://api.vipps.no/accesstoken/get", headers={"client_secret": keys.client_secret})
        """
    assert found(tmp_path, flow_rules, {"keys.py": code}) == [("KL401", "keys.py", 18)]


def test_dict_keys_are_no_keys_and_a_client_method_does_not_return_its_keys(tmp_path, flow_rules):
    code = """\
        import logging
        import os
        import requests

        log = logging.getLogger(__name__)
        KEYSETS = {"partner": dict(client_id=os.environ["VIPPS_CLIENT_ID"], client_secret=os.environ["VIPPS_CLIENT_SECRET"])}

        def overview(client_factory):
            for name, keys in KEYSETS.items():
                log.info("key set %s", name)
                log.info("key set %s secret %s", name, keys["client_secret"])
            client = client_factory(KEYSETS["partner"])
            log.info("webhooks %s", client.list_webhooks())
            return requests.get("https://api.vipps.no/webhooks/v1/webhooks")
        """
    assert found(tmp_path, flow_rules, {"overview.py": code}) == [("KL401", "overview.py", 11)]
