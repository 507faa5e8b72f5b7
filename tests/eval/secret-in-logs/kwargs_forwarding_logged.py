# eval: vulnerable
# The token helper forwards its keyword arguments to a debug hook that logs them.
import logging

import requests

log = logging.getLogger("vipps")


def _debug(event, **fields):
    # ruleid: KL401
    log.debug("%s %s", event, fields)


def fetch_token(client_id, client_secret, subscription_key, **extra):
    _debug("token", client_id=client_id, client_secret=client_secret, **extra)
    return requests.post("https://api.vipps.no/accesstoken/get", headers={"client_id": client_id, "client_secret": client_secret,
                         "Ocp-Apim-Subscription-Key": subscription_key}).json()["access_token"]
