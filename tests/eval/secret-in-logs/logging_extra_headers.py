# eval: vulnerable
# logging extra=: the request headers go into a structured JSON log line.
import logging

import requests

logger = logging.getLogger("vipps")


def create_payment(session: requests.Session, headers: dict, body: dict):
    headers = {**headers, "Ocp-Apim-Subscription-Key": session.subscription_key, "Merchant-Serial-Number": body["msn"]}
    # ruleid: KL401
    logger.info("create payment", extra={"headers": headers, "reference": body["reference"]})
    return session.post("https://api.vipps.no/epayment/v1/payments", headers=headers, json=body)
