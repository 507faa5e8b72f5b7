# eval: vulnerable
# The same auth class; the failure path logs the token it holds, not just the error code.
import enum
import logging

import requests

logger = logging.getLogger(__name__)
TOKEN_URL = "https://api.vipps.no/accesstoken/get"


class ErrorCode(str, enum.Enum):
    ACCESS_TOKEN_REQUEST_FAILED = "ACCESS_TOKEN_REQUEST_FAILED"
    ACCESS_TOKEN_REJECTED = "ACCESS_TOKEN_REJECTED"


class VippsAuth:
    def __init__(self, client_id, client_secret, subscription_key):
        self.client_id = client_id
        self.client_secret = client_secret
        self.subscription_key = subscription_key
        self.access_token = None

    def fetch(self):
        headers = {"client_id": self.client_id, "client_secret": self.client_secret, "Ocp-Apim-Subscription-Key": self.subscription_key}
        resp = requests.post(TOKEN_URL, headers=headers, timeout=10)
        if resp.status_code != 200:
            logger.error("%s: %s", ErrorCode.ACCESS_TOKEN_REQUEST_FAILED, resp.status_code)
            return None
        self.access_token = resp.json()["access_token"]
        return self.access_token

    def on_unauthorized(self, response):
        # ruleid: KL401
        logger.error("%s for token %s: %s", ErrorCode.ACCESS_TOKEN_REJECTED, self.access_token, response.text)
        self.access_token = None
