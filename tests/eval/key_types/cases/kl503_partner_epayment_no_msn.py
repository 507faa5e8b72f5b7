"""POS terminal backend: start a push payment for a shop (partner keys)."""
import os
import uuid

import requests

VIPPS_API = "https://api.vipps.no"
PARTNER_SUBSCRIPTION_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]


def get_partner_token() -> str:
    # ok: KL503
    resp = requests.post(f"{VIPPS_API}/accesstoken/get", timeout=10, headers={
        "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
    })
    resp.raise_for_status()
    return resp.json()["access_token"]


def push_payment(phone: str, amount_ore: int, reference: str) -> str:
    headers = {
        "Authorization": f"Bearer {get_partner_token()}",
        "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
        "Idempotency-Key": str(uuid.uuid4()),
        "Vipps-System-Name": "acme-pos",
        "Vipps-System-Version": "4.2.0",
    }
    body = {
        "amount": {"currency": "NOK", "value": amount_ore},
        "paymentMethod": {"type": "WALLET"},
        "customer": {"phoneNumber": phone},
        "reference": reference,
        "userFlow": "PUSH_MESSAGE",
    }
    # ruleid: KL503
    resp = requests.post(f"{VIPPS_API}/epayment/v1/payments", json=body, headers=headers, timeout=15)
    resp.raise_for_status()
    return resp.json()["reference"]
