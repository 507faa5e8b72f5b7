"""Legacy eCom v2 status poller (partner keys, aiohttp)."""
import asyncio
import os

import aiohttp

VIPPS = "https://api.vipps.no"
PARTNER_KEYS = {
    "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
    "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
    "Ocp-Apim-Subscription-Key": os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"],
}


async def partner_token(session: aiohttp.ClientSession) -> str:
    async with session.post(f"{VIPPS}/accesstoken/get", headers=PARTNER_KEYS) as resp:
        resp.raise_for_status()
        return (await resp.json())["access_token"]


async def payment_details(session: aiohttp.ClientSession, token: str, order_id: str) -> dict:
    headers = {
        "Authorization": f"Bearer {token}",
        "Ocp-Apim-Subscription-Key": PARTNER_KEYS["Ocp-Apim-Subscription-Key"],
    }
    # ruleid: KL503
    async with session.get(f"{VIPPS}/ecomm/v2/payments/{order_id}/details", headers=headers) as resp:
        resp.raise_for_status()
        return await resp.json()


async def poll(order_ids: list) -> list:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as session:
        token = await partner_token(session)
        return await asyncio.gather(*(payment_details(session, token, oid) for oid in order_ids))


if __name__ == "__main__":
    print(asyncio.run(poll(os.environ["ORDER_IDS"].split(","))))
