"""Nightly MT health check with the test sales unit keys; production traffic
(elsewhere) uses the partner keys against api.vipps.no."""
import asyncio
import os

import aiohttp

PROD_URL = "https://api.vipps.no"
MT_URL = "https://apitest.vipps.no"

test_sales_unit_keys = {
    "client_id": os.environ["TEST_SALES_UNIT_CLIENT_ID"],
    "client_secret": os.environ["TEST_SALES_UNIT_CLIENT_SECRET"],
    "Ocp-Apim-Subscription-Key": os.environ["TEST_SALES_UNIT_SUBSCRIPTION_KEY"],
}


async def mt_health() -> bool:
    async with aiohttp.ClientSession() as session:
        # ok: KL502
        async with session.post(f"{MT_URL}/accesstoken/get", headers=test_sales_unit_keys) as resp:
            if resp.status != 200:
                return False
            token = (await resp.json())["access_token"]
        headers = {"Authorization": f"Bearer {token}",
                   "Ocp-Apim-Subscription-Key": test_sales_unit_keys["Ocp-Apim-Subscription-Key"]}
        # ok: KL502
        async with session.get(f"{MT_URL}/webhooks/v1/webhooks", headers=headers) as resp:
            return resp.status == 200


if __name__ == "__main__":
    print("MT ok" if asyncio.run(mt_health()) else "MT down")
