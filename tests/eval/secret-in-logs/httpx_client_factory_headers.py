# eval: vulnerable
# httpx: a factory builds the client with the key in its default headers; the caller logs them.
import logging
import os

import httpx

log = logging.getLogger(__name__)


def vipps_client() -> httpx.Client:
    return httpx.Client(base_url="https://api.vipps.no", headers={"Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]},
                        timeout=10)


def ledger(msn):
    client = vipps_client()
    # ruleid: KL401
    log.debug("client headers %s", client.headers)
    return client.get("/settlement/v1/ledgers", params={"msn": msn}).json()
