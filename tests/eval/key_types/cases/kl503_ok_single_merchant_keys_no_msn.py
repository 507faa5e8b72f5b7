"""Single webshop, its own keys: no Merchant-Serial-Number header needed."""
import os
import uuid

import requests

VIPPS_BASE_URL = os.environ.get("VIPPS_BASE_URL", "https://api.vipps.no")
MERCHANT_CLIENT_ID = os.environ["MERCHANT_CLIENT_ID"]
MERCHANT_CLIENT_SECRET = os.environ["MERCHANT_CLIENT_SECRET"]
MERCHANT_SUBSCRIPTION_KEY = os.environ["MERCHANT_SUBSCRIPTION_KEY"]


def merchant_token() -> str:
    r = requests.post(VIPPS_BASE_URL + "/accesstoken/get", timeout=10, headers={
        "client_id": MERCHANT_CLIENT_ID,
        "client_secret": MERCHANT_CLIENT_SECRET,
        "Ocp-Apim-Subscription-Key": MERCHANT_SUBSCRIPTION_KEY,
    })
    r.raise_for_status()
    return r.json()["access_token"]


def start_checkout(order_ref: str, amount_ore: int) -> str:
    # ok: KL503
    r = requests.post(
        VIPPS_BASE_URL + "/checkout/v3/session",
        headers={"Authorization": "Bearer " + merchant_token(),
                 "Ocp-Apim-Subscription-Key": MERCHANT_SUBSCRIPTION_KEY,
                 "Idempotency-Key": str(uuid.uuid4()),
                 "Vipps-System-Name": "woo-like-shop"},
        json={"merchantInfo": {"callbackUrl": "https://shop.example.no/vipps/cb",
                               "returnUrl": f"https://shop.example.no/order/{order_ref}"},
              "transaction": {"amount": {"currency": "NOK", "value": amount_ore},
                              "reference": order_ref, "paymentDescription": "Order " + order_ref}},
        timeout=15,
    )
    r.raise_for_status()
    return r.json()["checkoutFrontendUrl"]
