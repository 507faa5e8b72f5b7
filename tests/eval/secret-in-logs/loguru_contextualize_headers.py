# eval: vulnerable
# loguru: the request headers are put in the logging context for the duration of the call.
import os

import httpx
from loguru import logger

HEADERS = {"Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"], "Merchant-Serial-Number": os.environ["VIPPS_MSN"]}


def capture(reference, amount, token):
    headers = {**HEADERS, "Authorization": f"Bearer {token}"}
    # ruleid: KL401
    with logger.contextualize(vipps_headers=headers):
        logger.info("capturing {}", reference)
        r = httpx.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers=headers,
                       json={"modificationAmount": {"currency": "NOK", "value": amount}})
    return r.json()
