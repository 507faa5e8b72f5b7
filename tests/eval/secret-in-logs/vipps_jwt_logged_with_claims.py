# eval: vulnerable
# The same helper, logging the token next to its expiry.
import logging
from datetime import datetime, timezone

import jwt
import requests

logger = logging.getLogger(__name__)


def fetch_token(key_headers: dict) -> str:
    resp = requests.post("https://api.vipps.no/accesstoken/get", headers=key_headers, timeout=10)
    resp.raise_for_status()
    access_token = resp.json()["access_token"]
    claims = jwt.decode(access_token, options={"verify_signature": False})
    expires = datetime.fromtimestamp(claims["exp"], tz=timezone.utc)
    # ruleid: KL401
    logger.info("new Vipps token %s expires %s", access_token, expires.isoformat())
    return access_token
