"""Single webshop: reconcile its own settlements with its own sales unit keys."""
import os

import requests

VIPPS_BASE = "https://api.vipps.no"

sales_unit_keys = {
    "client_id": os.environ["MERCHANT_CLIENT_ID"],
    "client_secret": os.environ["MERCHANT_CLIENT_SECRET"],
    "subscription_key": os.environ["MERCHANT_SUBSCRIPTION_KEY"],
    "msn": os.environ["MERCHANT_SERIAL_NUMBER"],
}


def merchant_token() -> str:
    r = requests.post(
        f"{VIPPS_BASE}/accesstoken/get",
        headers={
            "client_id": sales_unit_keys["client_id"],
            "client_secret": sales_unit_keys["client_secret"],
            "Ocp-Apim-Subscription-Key": sales_unit_keys["subscription_key"],
        },
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["access_token"]


def own_ledgers() -> list:
    # ok: KL501
    r = requests.get(
        f"{VIPPS_BASE}/settlement/v1/ledgers",
        params={"msn": sales_unit_keys["msn"]},
        headers={
            "Authorization": f"Bearer {merchant_token()}",
            "Ocp-Apim-Subscription-Key": sales_unit_keys["subscription_key"],
        },
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["items"]
