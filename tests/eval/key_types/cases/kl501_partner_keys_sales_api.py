"""Async job: pull daily sales totals for the dashboard of every merchant we serve."""
import asyncio
import datetime as dt
import os

import httpx

VIPPS_PARTNER_CLIENT_ID = os.environ["VIPPS_PARTNER_CLIENT_ID"]
VIPPS_PARTNER_CLIENT_SECRET = os.environ["VIPPS_PARTNER_CLIENT_SECRET"]
VIPPS_PARTNER_SUBSCRIPTION_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]


async def fetch_partner_token(client: httpx.AsyncClient) -> str:
    resp = await client.post(
        "/accesstoken/get",
        headers={
            "client_id": VIPPS_PARTNER_CLIENT_ID,
            "client_secret": VIPPS_PARTNER_CLIENT_SECRET,
            "Ocp-Apim-Subscription-Key": VIPPS_PARTNER_SUBSCRIPTION_KEY,
        },
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


async def daily_sales(msns: list, day: dt.date) -> dict:
    async with httpx.AsyncClient(base_url="https://api.vipps.no", timeout=20) as client:
        token = await fetch_partner_token(client)
        totals = {}
        for msn in msns:
            # ruleid: KL501
            resp = await client.get(
                f"/sales/v1/sales-units/{msn}/transactions",
                params={"date": day.isoformat()},
                headers={"Authorization": f"Bearer {token}",
                         "Ocp-Apim-Subscription-Key": VIPPS_PARTNER_SUBSCRIPTION_KEY},
            )
            resp.raise_for_status()
            totals[msn] = sum(t["amount"] for t in resp.json()["transactions"])
        return totals


if __name__ == "__main__":
    print(asyncio.run(daily_sales(os.environ["MSNS"].split(","), dt.date.today())))
