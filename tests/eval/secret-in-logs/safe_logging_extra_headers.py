# eval: safe
# logging extra=: the structured log line names the header keys, not their values.
import logging

import requests

logger = logging.getLogger("vipps")


def create_payment(session: requests.Session, headers: dict, body: dict):
    headers = {**headers, "Ocp-Apim-Subscription-Key": session.subscription_key, "Merchant-Serial-Number": body["msn"]}
    logger.info("create payment", extra={"header_names": sorted(headers.keys()), "reference": body["reference"]})
    return session.post("https://api.vipps.no/epayment/v1/payments", headers=headers, json=body)
