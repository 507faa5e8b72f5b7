# eval: vulnerable
# The same thin client against the ePayment API: the logged headers carry the token and subscription key.
import logging
import os

import requests

logger = logging.getLogger(__name__)
api_key = os.environ["SUBSCRIPTION_KEY"]


def refund(reference: str, amount: int, token: str) -> dict:
    headers = {
        "Authorization": f"Bearer {token}",
        "Ocp-Apim-Subscription-Key": api_key,
        "Merchant-Serial-Number": os.environ["MSN"],
        "Idempotency-Key": f"refund-{reference}-{amount}",
    }
    # ruleid: KL401
    logger.debug("POST refund headers=%s", headers)
    url = f"https://api.vipps.no/epayment/v1/payments/{reference}/refund"
    resp = requests.post(url, json={"modificationAmount": {"currency": "NOK", "value": amount}}, headers=headers, timeout=10)
    resp.raise_for_status()
    return resp.json()
