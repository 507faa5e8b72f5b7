# eval: safe
import logging

import requests

log = logging.getLogger(__name__)


def refresh(session, headers):
    body = session.post(f"{API}/accesstoken/get", headers=headers).json()
    log.info("token refreshed, expires in %s s", body["expires_in"])
    return body["access_token"]
