"""Plugin-style integration: one key set from the environment, no MSN header.
Nothing tells whether the keys are a merchant's or a partner's."""
import os

import requests

CLIENT_ID = os.environ["CLIENT_ID"]
CLIENT_SECRET = os.environ["CLIENT_SECRET"]
SUBSCRIPTION_KEY = os.environ["SUBSCRIPTION_KEY"]
BASE_URL = os.environ.get("VIPPS_URL", "https://api.vipps.no")


class Vipps:
    def __init__(self):
        self.token = None

    def authenticate(self) -> None:
        r = requests.post(f"{BASE_URL}/accesstoken/get", timeout=10, headers={
            "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
            "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY})
        r.raise_for_status()
        self.token = r.json()["access_token"]

    def get_payment(self, reference: str) -> dict:
        if self.token is None:
            self.authenticate()
        # ok: KL503
        r = requests.get(f"{BASE_URL}/epayment/v1/payments/{reference}", timeout=10, headers={
            "Authorization": f"Bearer {self.token}", "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY})
        r.raise_for_status()
        return r.json()
