# eval: safe
# The token helper forwards only the client id to the debug hook.
import logging

import requests

log = logging.getLogger("vipps")


def _debug(event, **fields):
    log.debug("%s %s", event, fields)


def fetch_token(client_id, client_secret, subscription_key, **extra):
    _debug("token", client_id=client_id, **extra)
    return requests.post("https://api.vipps.no/accesstoken/get", headers={"client_id": client_id, "client_secret": client_secret,
                         "Ocp-Apim-Subscription-Key": subscription_key}).json()["access_token"]
