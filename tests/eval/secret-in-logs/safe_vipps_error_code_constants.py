# eval: safe
# Error codes and option names that contain ACCESS_TOKEN / CLIENT_SECRET are constants, not keys.
import enum
import logging

import requests

logger = logging.getLogger(__name__)
TOKEN_URL = "https://api.vipps.no/accesstoken/get"
CLIENT_SECRET_HEADER = "client_secret"


class ErrorCode(str, enum.Enum):
    ACCESS_TOKEN_REQUEST_FAILED = "ACCESS_TOKEN_REQUEST_FAILED"
    ACCESS_TOKEN_DECODE_ERROR = "ACCESS_TOKEN_DECODE_ERROR"
    CLIENT_SECRET_MISSING = "CLIENT_SECRET_MISSING"


class VippsAuth:
    access_token_method = "POST"

    def __init__(self, client_id, client_secret, subscription_key):
        self.client_id = client_id
        self.client_secret = client_secret
        self.subscription_key = subscription_key
        self.access_token = None

    def fetch(self):
        if not self.client_secret:
            logger.error("cannot authenticate: %s (header %s)", ErrorCode.CLIENT_SECRET_MISSING, CLIENT_SECRET_HEADER)
            return None
        headers = {"client_id": self.client_id, "client_secret": self.client_secret, "Ocp-Apim-Subscription-Key": self.subscription_key}
        resp = requests.request(self.access_token_method, TOKEN_URL, headers=headers, timeout=10)
        if resp.status_code != 200:
            logger.error("%s: %s %s returned %s", ErrorCode.ACCESS_TOKEN_REQUEST_FAILED, self.access_token_method, TOKEN_URL, resp.status_code)
            return None
        self.access_token = resp.json()["access_token"]
        return self.access_token
