"""Production partner client. The test host only appears in docs and error text."""
import logging
import os

import requests

log = logging.getLogger(__name__)

PRODUCTION_URL = "https://api.vipps.no"
TEST_HOST_HINT = "https://apitest.vipps.no"  # partner keys are not valid here; see README


def get_partner_token() -> str:
    """Fetch a partner token from production.

    Partner keys only work in production. For MT (https://apitest.vipps.no)
    use the merchant keys of a test sales unit instead.
    """
    # ok: KL502
    resp = requests.post(PRODUCTION_URL + "/accesstoken/get", timeout=10, headers={
        "client_id": os.environ["PARTNER_CLIENT_ID"],
        "client_secret": os.environ["PARTNER_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": os.environ["PARTNER_SUBSCRIPTION_KEY"],
    })
    if resp.status_code == 401:
        log.error("partner token rejected; did you point it at %s? use production", TEST_HOST_HINT)
    resp.raise_for_status()
    return resp.json()["access_token"]
