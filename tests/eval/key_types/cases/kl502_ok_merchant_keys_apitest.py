"""Developer sandbox script: runs a payment against MT with the test sales unit's own keys."""
import os
import uuid

import requests

MT_BASE_URL = "https://apitest.vipps.no"

MERCHANT_CLIENT_ID = os.environ["MERCHANT_TEST_CLIENT_ID"]
MERCHANT_CLIENT_SECRET = os.environ["MERCHANT_TEST_CLIENT_SECRET"]
MERCHANT_SUBSCRIPTION_KEY = os.environ["MERCHANT_TEST_SUBSCRIPTION_KEY"]
TEST_MSN = os.environ["MERCHANT_TEST_MSN"]


def merchant_token() -> str:
    # ok: KL502
    resp = requests.post(f"{MT_BASE_URL}/accesstoken/get", timeout=10, headers={
        "client_id": MERCHANT_CLIENT_ID,
        "client_secret": MERCHANT_CLIENT_SECRET,
        "Ocp-Apim-Subscription-Key": MERCHANT_SUBSCRIPTION_KEY,
    })
    resp.raise_for_status()
    return resp.json()["access_token"]


def sandbox_payment(phone: str) -> dict:
    # ok: KL502
    resp = requests.post(
        f"{MT_BASE_URL}/epayment/v1/payments",
        headers={"Authorization": f"Bearer {merchant_token()}",
                 "Ocp-Apim-Subscription-Key": MERCHANT_SUBSCRIPTION_KEY,
                 "Merchant-Serial-Number": TEST_MSN,
                 "Idempotency-Key": str(uuid.uuid4())},
        json={"amount": {"currency": "NOK", "value": 1000}, "reference": f"sandbox-{uuid.uuid4().hex[:10]}",
              "paymentMethod": {"type": "WALLET"}, "customer": {"phoneNumber": phone},
              "userFlow": "PUSH_MESSAGE"},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()


if __name__ == "__main__":
    print(sandbox_payment(os.environ.get("TEST_PHONE", "4712345678")))
