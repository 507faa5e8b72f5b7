# eval: safe
import logging

import requests

log = logging.getLogger(__name__)


def token(headers):
    resp = requests.post(f"{API}/accesstoken/get", headers=headers, timeout=10)
    log.info("token request: HTTP %s in %.2fs", resp.status_code, resp.elapsed.total_seconds())
    return resp.json()["access_token"]
