"""Subscription service: one shared requests.Session for all merchants."""
import os

import requests

BASE_URL = "https://api.vipps.no"

session = requests.Session()
session.headers.update({
    "Ocp-Apim-Subscription-Key": os.environ["PARTNER_SUBSCRIPTION_KEY"],
    "Vipps-System-Name": "subs-platform",
})


def login() -> None:
    resp = session.post(BASE_URL + "/accesstoken/get", timeout=10, headers={
        "client_id": os.environ["PARTNER_CLIENT_ID"],
        "client_secret": os.environ["PARTNER_CLIENT_SECRET"],
    })
    resp.raise_for_status()
    session.headers["Authorization"] = "Bearer " + resp.json()["access_token"]


def draft_agreement(product: str, price_ore: int, phone: str) -> dict:
    if "Authorization" not in session.headers:
        login()
    # ruleid: KL503
    resp = session.post(BASE_URL + "/recurring/v3/agreements", timeout=15, json={
        "pricing": {"type": "LEGACY", "amount": price_ore, "currency": "NOK"},
        "interval": {"unit": "MONTH", "count": 1},
        "merchantRedirectUrl": "https://subs.example.no/return",
        "merchantAgreementUrl": "https://subs.example.no/account",
        "phoneNumber": phone,
        "productName": product,
    })
    resp.raise_for_status()
    return resp.json()
