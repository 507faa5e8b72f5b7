"""Async payment gateway for the kiosk product, pointed at the MT environment."""
import os
import uuid

import httpx

VIPPS_TEST_URL = "https://apitest.vipps.no"


class PartnerGateway:
    def __init__(self):
        self.client = httpx.AsyncClient(base_url=VIPPS_TEST_URL, timeout=15)
        self.subscription_key = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]
        self._token = None

    async def _partner_token(self) -> str:
        if self._token is None:
            # ruleid: KL502
            resp = await self.client.post("/accesstoken/get", headers={
                "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
                "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
                "Ocp-Apim-Subscription-Key": self.subscription_key,
            })
            resp.raise_for_status()
            self._token = resp.json()["access_token"]
        return self._token

    async def create_payment(self, msn: str, amount_ore: int, reference: str) -> dict:
        token = await self._partner_token()
        # ruleid: KL502
        resp = await self.client.post(
            "/epayment/v1/payments",
            headers={"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": self.subscription_key,
                     "Merchant-Serial-Number": msn, "Idempotency-Key": str(uuid.uuid4())},
            json={"amount": {"currency": "NOK", "value": amount_ore}, "reference": reference,
                  "paymentMethod": {"type": "WALLET"}, "userFlow": "QR"},
        )
        resp.raise_for_status()
        return resp.json()
