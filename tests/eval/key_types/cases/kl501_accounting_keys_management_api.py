"""Accounting sync: look up a customer's sales units before pulling their ledgers."""
import asyncio
import os

import aiohttp

VIPPS_API = "https://api.vipps.no"
ACCOUNTING_CLIENT_ID = os.environ["ACCOUNTING_CLIENT_ID"]
ACCOUNTING_CLIENT_SECRET = os.environ["ACCOUNTING_CLIENT_SECRET"]


async def accounting_token(session: aiohttp.ClientSession) -> str:
    async with session.post(
        f"{VIPPS_API}/miami/v1/token",
        auth=aiohttp.BasicAuth(ACCOUNTING_CLIENT_ID, ACCOUNTING_CLIENT_SECRET),
        data={"grant_type": "client_credentials"},
    ) as resp:
        resp.raise_for_status()
        payload = await resp.json()
        return payload["access_token"]


async def sales_units_for_org(org_no: str) -> list:
    async with aiohttp.ClientSession() as session:
        token = await accounting_token(session)
        url = f"{VIPPS_API}/management/v1/merchants/business:NO:ORG/{org_no}/sales-units"
        # ruleid: KL501
        async with session.get(url, headers={"Authorization": f"Bearer {token}"}) as resp:
            resp.raise_for_status()
            body = await resp.json()
            return [unit["msn"] for unit in body.get("salesUnits", [])]


if __name__ == "__main__":
    print(asyncio.run(sales_units_for_org(os.environ["CUSTOMER_ORG_NO"])))
