# eval: safe
# httpx: a factory builds the client with the key in its default headers; the caller logs the base URL.
import logging
import os

import httpx

log = logging.getLogger(__name__)


def vipps_client() -> httpx.Client:
    return httpx.Client(base_url="https://api.vipps.no", headers={"Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]},
                        timeout=10)


def ledger(msn):
    client = vipps_client()
    log.debug("client base url %s", client.base_url)
    return client.get("/settlement/v1/ledgers", params={"msn": msn}).json()
