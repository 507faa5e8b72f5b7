"""Staging deployment wiring: the staging stack talks to the Vipps test environment."""
import os
import uuid
from dataclasses import dataclass

import requests


@dataclass(frozen=True)
class VippsConfig:
    base_url: str
    client_id: str
    client_secret: str
    subscription_key: str


STAGING = VippsConfig(
    base_url="https://apitest.vipps.no",
    client_id=os.environ["PARTNER_CLIENT_ID"],
    client_secret=os.environ["PARTNER_CLIENT_SECRET"],
    subscription_key=os.environ["PARTNER_SUBSCRIPTION_KEY"],
)


def staging_token() -> str:
    # ruleid: KL502
    r = requests.post(f"{STAGING.base_url}/accesstoken/get", timeout=10, headers={
        "client_id": STAGING.client_id,
        "client_secret": STAGING.client_secret,
        "Ocp-Apim-Subscription-Key": STAGING.subscription_key,
    })
    r.raise_for_status()
    return r.json()["access_token"]


def staging_payment(msn: str, amount_ore: int) -> str:
    # ruleid: KL502
    r = requests.post(f"{STAGING.base_url}/epayment/v1/payments", timeout=15, headers={
        "Authorization": f"Bearer {staging_token()}",
        "Ocp-Apim-Subscription-Key": STAGING.subscription_key,
        "Merchant-Serial-Number": msn,
        "Idempotency-Key": str(uuid.uuid4()),
    }, json={"amount": {"currency": "NOK", "value": amount_ore}, "reference": f"stg-{uuid.uuid4().hex[:12]}",
             "paymentMethod": {"type": "WALLET"}, "userFlow": "WEB_REDIRECT",
             "returnUrl": "https://staging.acme-pos.example/done"})
    r.raise_for_status()
    return r.json()["redirectUrl"]
