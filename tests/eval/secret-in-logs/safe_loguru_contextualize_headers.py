# eval: safe
# loguru: the logging context gets the reference and the MSN; the headers stay in the request.
import os

import httpx
from loguru import logger

HEADERS = {"Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"], "Merchant-Serial-Number": os.environ["VIPPS_MSN"]}


def capture(reference, amount, token):
    headers = {**HEADERS, "Authorization": f"Bearer {token}"}
    with logger.contextualize(reference=reference, msn=HEADERS["Merchant-Serial-Number"]):
        logger.info("capturing {}", reference)
        r = httpx.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers=headers,
                       json={"modificationAmount": {"currency": "NOK", "value": amount}})
    return r.json()
