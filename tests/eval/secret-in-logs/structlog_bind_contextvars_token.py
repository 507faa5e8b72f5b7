# eval: vulnerable
# structlog: the Vipps access token is bound to the context, so every event of the request carries it.
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
    # ruleid: KL401
    bind_contextvars(vipps_access_token=access_token)
    log.info("vipps token fetched")
    return access_token
