"""Capture helper. The key names are neutral, but the token comes from the
specialized endpoint (/miami/v1/token), which only management and accounting
keys use: neither may call the ePayment API."""
import os
import uuid

import requests

BASE = "https://api.vipps.no"
CLIENT_ID = os.environ["VIPPS_CLIENT_ID"]
CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]


def token() -> str:
    r = requests.post(BASE + "/miami/v1/token", auth=(CLIENT_ID, CLIENT_SECRET),
                      data={"grant_type": "client_credentials"}, timeout=10)
    r.raise_for_status()
    return r.json()["access_token"]


def capture(reference: str, amount_ore: int, msn: str) -> dict:
    # ruleid: KL501
    r = requests.post(
        f"{BASE}/epayment/v1/payments/{reference}/capture",
        json={"modificationAmount": {"currency": "NOK", "value": amount_ore}},
        headers={
            "Authorization": "Bearer " + token(),
            "Merchant-Serial-Number": msn,
            "Idempotency-Key": uuid.uuid4().hex,
        },
        timeout=15,
    )
    r.raise_for_status()
    return r.json()
