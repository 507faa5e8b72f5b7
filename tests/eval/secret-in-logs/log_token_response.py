# eval: vulnerable
import logging

import requests

log = logging.getLogger(__name__)


def token(headers):
    resp = requests.post(f"{API}/accesstoken/get", headers=headers)
    # The token endpoint's body is {"access_token": ..., "expires_in": ...}.
    # ruleid: KL401
    log.info("token response: %s", resp.json())
    return resp.json()["access_token"]
