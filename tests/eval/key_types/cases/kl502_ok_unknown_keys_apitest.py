"""Generic integration: one key set read from the environment, used for
everything. Nothing says whether these are partner or merchant keys."""
import os

import httpx

BASE_URL = "https://apitest.vipps.no"
CLIENT_ID = os.environ["CLIENT_ID"]
CLIENT_SECRET = os.environ["CLIENT_SECRET"]
SUBSCRIPTION_KEY = os.environ["OCP_APIM_SUBSCRIPTION_KEY"]
MSN = os.environ["MSN"]


def get_token(client: httpx.Client) -> str:
    # ok: KL502
    r = client.post(f"{BASE_URL}/accesstoken/get", headers={
        "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY})
    r.raise_for_status()
    return r.json()["access_token"]


def payment_status(reference: str) -> str:
    with httpx.Client(timeout=10) as client:
        token = get_token(client)
        # ok: KL502
        r = client.get(f"{BASE_URL}/epayment/v1/payments/{reference}",
                       headers={"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY,
                                "Merchant-Serial-Number": MSN})
        r.raise_for_status()
        return r.json()["state"]
