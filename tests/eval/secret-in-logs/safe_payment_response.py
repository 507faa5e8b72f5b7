# eval: safe
import logging

import requests

log = logging.getLogger(__name__)


def create(headers, body):
    resp = requests.post(f"{API}/epayment/v1/payments", headers=headers, json=body)
    log.info("payment created: %s", resp.json())
    return resp.json()
