"""The MSN is sent on the token request only; the payment request itself
carries no Merchant-Serial-Number header."""
import os
import uuid

import requests

BASE_URL = "https://api.vipps.no"
SUBSCRIPTION_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]


def get_partner_token(msn: str) -> str:
    # ok: KL503
    resp = requests.post(BASE_URL + "/accesstoken/get", timeout=10, headers={
        "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY,
        "Merchant-Serial-Number": msn,
    })
    resp.raise_for_status()
    return resp.json()["access_token"]


def refund(msn: str, reference: str, amount_ore: int) -> dict:
    token = get_partner_token(msn)
    # ruleid: KL503
    resp = requests.post(
        f"{BASE_URL}/epayment/v1/payments/{reference}/refund",
        headers={"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY,
                 "Idempotency-Key": str(uuid.uuid4())},
        json={"modificationAmount": {"currency": "NOK", "value": amount_ore}},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()
