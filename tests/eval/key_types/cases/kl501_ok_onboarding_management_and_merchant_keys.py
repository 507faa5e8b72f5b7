"""Small partner without partner keys: management keys for onboarding, the
merchant's own sales unit keys (stored per shop, server side) for payments."""
import uuid
from urllib.parse import urljoin

import requests
from django.conf import settings

from shops.models import Shop

BASE = "https://api.vipps.no/"


def management_token() -> str:
    resp = requests.post(urljoin(BASE, "miami/v1/token"),
                         auth=(settings.VIPPS_MANAGEMENT["client_id"], settings.VIPPS_MANAGEMENT["client_secret"]),
                         data={"grant_type": "client_credentials"}, timeout=10)
    resp.raise_for_status()
    return resp.json()["access_token"]


def sales_unit_status(shop: Shop) -> str:
    # ok: KL501
    resp = requests.get(urljoin(BASE, f"management/v1/sales-units/{shop.msn}"),
                        headers={"Authorization": f"Bearer {management_token()}"}, timeout=15)
    resp.raise_for_status()
    return resp.json()["status"]


def merchant_token(shop: Shop) -> str:
    keys = shop.merchant_keys  # encrypted model field, decrypted server side
    resp = requests.post(urljoin(BASE, "accesstoken/get"), timeout=10, headers={
        "client_id": keys.client_id, "client_secret": keys.client_secret,
        "Ocp-Apim-Subscription-Key": keys.subscription_key})
    resp.raise_for_status()
    return resp.json()["access_token"]


def start_payment(shop: Shop, amount_ore: int, reference: str) -> str:
    # ok: KL501, KL503
    resp = requests.post(urljoin(BASE, "epayment/v1/payments"), timeout=15, headers={
        "Authorization": f"Bearer {merchant_token(shop)}",
        "Ocp-Apim-Subscription-Key": shop.merchant_keys.subscription_key,
        "Idempotency-Key": str(uuid.uuid4())},
        json={"amount": {"currency": "NOK", "value": amount_ore}, "reference": reference,
              "paymentMethod": {"type": "WALLET"}, "userFlow": "WEB_REDIRECT",
              "returnUrl": f"https://{shop.domain}/order/{reference}"})
    resp.raise_for_status()
    return resp.json()["redirectUrl"]
