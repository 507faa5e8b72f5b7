"""aiohttp partner client: every main-API call goes through _headers(msn)."""
import os
import uuid

import aiohttp


class PartnerClient:
    base_url = "https://api.vipps.no"

    def __init__(self, session: aiohttp.ClientSession):
        self.session = session
        self.subscription_key = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]
        self._token = None

    async def _partner_token(self) -> str:
        if self._token is None:
            async with self.session.post(f"{self.base_url}/accesstoken/get", headers={
                "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
                "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
                "Ocp-Apim-Subscription-Key": self.subscription_key,
            }) as resp:
                resp.raise_for_status()
                self._token = (await resp.json())["access_token"]
        return self._token

    async def _headers(self, msn: str) -> dict:
        return {"Authorization": f"Bearer {await self._partner_token()}",
                "Ocp-Apim-Subscription-Key": self.subscription_key,
                "Merchant-Serial-Number": msn,
                "Idempotency-Key": str(uuid.uuid4())}

    async def capture(self, msn: str, reference: str, amount_ore: int) -> dict:
        url = f"{self.base_url}/epayment/v1/payments/{reference}/capture"
        body = {"modificationAmount": {"currency": "NOK", "value": amount_ore}}
        # ok: KL503
        async with self.session.post(url, json=body, headers=await self._headers(msn)) as resp:
            resp.raise_for_status()
            return await resp.json()
