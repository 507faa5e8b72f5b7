"""Partner keys with the MSN header written in lower case (HTTP header names
are case-insensitive, so the header is present)."""
import os

import httpx

from shops.repository import msn_for_shop

API = "https://api.vipps.no"
SUBSCRIPTION_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]


def partner_token() -> str:
    r = httpx.post(f"{API}/accesstoken/get", timeout=10, headers={
        "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
        "ocp-apim-subscription-key": SUBSCRIPTION_KEY,
    })
    r.raise_for_status()
    return r.json()["access_token"]


def payment_events(shop_id: int, reference: str) -> list:
    # ok: KL503
    r = httpx.get(f"{API}/epayment/v1/payments/{reference}/events", timeout=10, headers={
        "authorization": f"Bearer {partner_token()}",
        "ocp-apim-subscription-key": SUBSCRIPTION_KEY,
        "merchant-serial-number": msn_for_shop(shop_id),
    })
    r.raise_for_status()
    return r.json()
