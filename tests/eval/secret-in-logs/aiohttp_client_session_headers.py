# eval: vulnerable
# aiohttp: the ClientSession carries the key; the session's headers are logged.
import logging
import os

import aiohttp

log = logging.getLogger(__name__)


async def get_payment(reference):
    headers = {"Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"], "Merchant-Serial-Number": os.environ["VIPPS_MSN"]}
    async with aiohttp.ClientSession(base_url="https://api.vipps.no", headers=headers) as session:
        # ruleid: KL401
        log.debug("session headers %s", session.headers)
        async with session.get(f"/epayment/v1/payments/{reference}") as r:
            return await r.json()
