"""Webhook setup. The token comes from production with partner keys, but the
'register on test first' helper sends it to the test environment."""
import os

import requests

PROD_URL = "https://api.vipps.no"
TEST_URL = "https://apitest.vipps.no"
PARTNER_SUBSCRIPTION_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]


def get_partner_token() -> str:
    # ok: KL502
    resp = requests.post(PROD_URL + "/accesstoken/get", timeout=10, headers={
        "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
    })
    resp.raise_for_status()
    return resp.json()["access_token"]


def register_webhook(base_url: str, msn: str, callback_url: str) -> dict:
    # ok: KL502
    resp = requests.post(
        f"{base_url}/webhooks/v1/webhooks",
        headers={"Authorization": f"Bearer {get_partner_token()}",
                 "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
                 "Merchant-Serial-Number": msn},
        json={"url": callback_url, "events": ["epayments.payment.captured.v1"]},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()


def register_on_test_first(msn: str) -> None:
    # ruleid: KL502
    requests.post(f"{TEST_URL}/webhooks/v1/webhooks", timeout=15,
                  headers={"Authorization": f"Bearer {get_partner_token()}",
                           "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
                           "Merchant-Serial-Number": msn},
                  json={"url": "https://hooks.acme-pos.example/vipps", "events": ["epayments.payment.captured.v1"]})
    register_webhook(PROD_URL, msn, "https://hooks.acme-pos.example/vipps")
