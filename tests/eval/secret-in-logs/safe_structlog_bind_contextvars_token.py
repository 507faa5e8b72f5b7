# eval: safe
# structlog: the context gets the token's lifetime, not the token.
import os

import requests
import structlog
from structlog.contextvars import bind_contextvars

log = structlog.get_logger()


def vipps_token():
    r = requests.post("https://api.vipps.no/accesstoken/get", headers={
        "client_id": os.environ["VIPPS_CLIENT_ID"], "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]})
    access_token = r.json()["access_token"]
    bind_contextvars(vipps_access_token_expires_in=r.json()["expires_in"])
    log.info("vipps token fetched")
    return access_token
