"""Per-environment Vipps settings (Django). Test runs against MT with a test
sales unit's merchant keys; production uses the partner keys."""
import os

import requests
from django.conf import settings

VIPPS_ENVIRONMENTS = {
    "test": {
        "base_url": "https://apitest.vipps.no",
        "client_id": os.environ.get("VIPPS_TEST_MERCHANT_CLIENT_ID", ""),
        "client_secret": os.environ.get("VIPPS_TEST_MERCHANT_CLIENT_SECRET", ""),
        "subscription_key": os.environ.get("VIPPS_TEST_MERCHANT_SUBSCRIPTION_KEY", ""),
    },
    "production": {
        "base_url": "https://api.vipps.no",
        "client_id": os.environ.get("VIPPS_PARTNER_CLIENT_ID", ""),
        "client_secret": os.environ.get("VIPPS_PARTNER_CLIENT_SECRET", ""),
        "subscription_key": os.environ.get("VIPPS_PARTNER_SUBSCRIPTION_KEY", ""),
    },
}


def current() -> dict:
    return VIPPS_ENVIRONMENTS["test" if settings.VIPPS_USE_TEST else "production"]


def access_token() -> str:
    env = current()
    # ok: KL502
    resp = requests.post(env["base_url"] + "/accesstoken/get", timeout=10, headers={
        "client_id": env["client_id"],
        "client_secret": env["client_secret"],
        "Ocp-Apim-Subscription-Key": env["subscription_key"],
    })
    resp.raise_for_status()
    return resp.json()["access_token"]
