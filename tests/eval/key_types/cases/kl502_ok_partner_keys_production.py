"""Partner gateway in production; partner keys never leave api.vipps.no."""
import os
from urllib.parse import urljoin

import requests

VIPPS_BASE_URL = "https://api.vipps.no/"


class PartnerVipps:
    def __init__(self):
        self.session = requests.Session()
        self.subscription_key = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]
        self.session.headers["Ocp-Apim-Subscription-Key"] = self.subscription_key

    def token(self) -> str:
        # ok: KL502
        resp = self.session.post(urljoin(VIPPS_BASE_URL, "accesstoken/get"), timeout=10, headers={
            "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
            "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
        })
        resp.raise_for_status()
        return resp.json()["access_token"]

    def cancel(self, msn: str, reference: str) -> dict:
        # ok: KL502
        resp = self.session.post(
            urljoin(VIPPS_BASE_URL, f"epayment/v1/payments/{reference}/cancel"),
            headers={"Authorization": f"Bearer {self.token()}", "Merchant-Serial-Number": msn,
                     "Idempotency-Key": f"cancel-{reference}"},
            timeout=15,
        )
        resp.raise_for_status()
        return resp.json()
