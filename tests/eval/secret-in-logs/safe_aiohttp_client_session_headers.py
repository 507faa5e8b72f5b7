# eval: safe
# aiohttp: the ClientSession carries the key; the request's status is logged.
import logging
import os

import aiohttp

log = logging.getLogger(__name__)


async def get_payment(reference):
    headers = {"Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"], "Merchant-Serial-Number": os.environ["VIPPS_MSN"]}
    async with aiohttp.ClientSession(base_url="https://api.vipps.no", headers=headers) as session:
        async with session.get(f"/epayment/v1/payments/{reference}") as r:
            log.debug("payment %s: HTTP %s", reference, r.status)
            return await r.json()
