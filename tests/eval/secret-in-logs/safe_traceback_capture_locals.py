# eval: safe
# traceback: the error handler logs the stack without local variables.
import logging
import os
import traceback

import requests

log = logging.getLogger(__name__)


def fetch_token():
    headers = {"client_id": os.environ["VIPPS_CLIENT_ID"], "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
               "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]}
    try:
        r = requests.post("https://api.vipps.no/accesstoken/get", headers=headers, timeout=5)
        r.raise_for_status()
    except requests.RequestException as exc:
        log.error("".join(traceback.TracebackException.from_exception(exc, capture_locals=False).format()))
        raise
    return r.json()["access_token"]
