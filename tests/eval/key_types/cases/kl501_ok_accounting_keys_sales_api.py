"""Accounting partner: async pull of sales data (Sales API) with accounting keys."""
import asyncio
import os

import httpx

API = "https://api.vipps.no"


class AccountingClient:
    def __init__(self):
        self._client_id = os.environ["VIPPS_ACCOUNTING_CLIENT_ID"]
        self._client_secret = os.environ["VIPPS_ACCOUNTING_CLIENT_SECRET"]
        self._http = httpx.AsyncClient(base_url=API, timeout=20)

    async def token(self) -> str:
        resp = await self._http.post(
            "/miami/v1/token",
            auth=(self._client_id, self._client_secret),
            data={"grant_type": "client_credentials"},
        )
        resp.raise_for_status()
        return resp.json()["access_token"]

    async def transactions(self, msn: str, day: str) -> list:
        token = await self.token()
        # ok: KL501
        resp = await self._http.get(
            f"/sales/v1/sales-units/{msn}/transactions",
            params={"date": day},
            headers={"Authorization": f"Bearer {token}"},
        )
        resp.raise_for_status()
        return resp.json()["transactions"]

    async def aclose(self) -> None:
        await self._http.aclose()


async def main() -> None:
    client = AccountingClient()
    try:
        print(await client.transactions(os.environ["MSN"], os.environ["DAY"]))
    finally:
        await client.aclose()


if __name__ == "__main__":
    asyncio.run(main())
