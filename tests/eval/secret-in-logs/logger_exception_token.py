# eval: vulnerable
import logging

import requests

log = logging.getLogger("vipps")


def call(url, access_token):
    try:
        return requests.get(url, headers={"Authorization": f"Bearer {access_token}"}).json()
    except requests.RequestException:
        # ruleid: KL401
        log.exception("call to %s failed (token %s)", url, access_token)
        raise
