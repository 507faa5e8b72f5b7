# eval: vulnerable
import logging
import os

import requests

logger = logging.getLogger(__name__)


def fetch_token():
    headers = {
        "client_id": os.environ["VIPPS_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"],
    }
    # ruleid: KL401
    logger.debug("requesting token with %s", headers)
    return requests.post("https://api.vipps.no/accesstoken/get", headers=headers).json()["access_token"]
