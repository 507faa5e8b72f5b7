# eval: safe
# The logged copy of the headers overwrites both key headers with fixed strings.
import logging

import requests

logger = logging.getLogger(__name__)


def capture(reference: str, amount: int, headers: dict) -> requests.Response:
    url = f"https://api.vipps.no/epayment/v1/payments/{reference}/capture"
    log_headers = {
        **headers,
        "Authorization": "Bearer [REDACTED]" if headers.get("Authorization") else "Not included",
        "Ocp-Apim-Subscription-Key": "[REDACTED]",
    }
    logger.info("capture %s headers=%s", reference, log_headers)
    return requests.post(url, json={"modificationAmount": {"currency": "NOK", "value": amount}}, headers=headers, timeout=10)
