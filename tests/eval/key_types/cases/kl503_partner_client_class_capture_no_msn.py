"""ePayment client used by the partner's order service (Django settings)."""
import uuid

import requests
from django.conf import settings


class EPaymentClient:
    def __init__(self):
        self.keys = settings.VIPPS["partner"]
        self.base_url = settings.VIPPS.get("base_url", "https://api.vipps.no")
        self._token = None

    def _headers(self) -> dict:
        if self._token is None:
            r = requests.post(f"{self.base_url}/accesstoken/get", timeout=10, headers={
                "client_id": self.keys["client_id"], "client_secret": self.keys["client_secret"],
                "Ocp-Apim-Subscription-Key": self.keys["subscription_key"]})
            r.raise_for_status()
            self._token = r.json()["access_token"]
        return {"Authorization": f"Bearer {self._token}",
                "Ocp-Apim-Subscription-Key": self.keys["subscription_key"],
                "Idempotency-Key": str(uuid.uuid4())}

    def create(self, msn: str, reference: str, amount_ore: int, return_url: str) -> dict:
        # ok: KL503
        r = requests.post(f"{self.base_url}/epayment/v1/payments", timeout=15,
                          headers={**self._headers(), "Merchant-Serial-Number": msn},
                          json={"amount": {"currency": "NOK", "value": amount_ore}, "reference": reference,
                                "paymentMethod": {"type": "WALLET"}, "userFlow": "WEB_REDIRECT",
                                "returnUrl": return_url})
        r.raise_for_status()
        return r.json()

    def capture(self, reference: str, amount_ore: int) -> dict:
        # ruleid: KL503
        r = requests.post(f"{self.base_url}/epayment/v1/payments/{reference}/capture", timeout=15,
                          headers=self._headers(),
                          json={"modificationAmount": {"currency": "NOK", "value": amount_ore}})
        r.raise_for_status()
        return r.json()
