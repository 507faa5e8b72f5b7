# eval: vulnerable
# The same client shape as a Keycloak one, but it asks Vipps for the token.
import logging

import requests

logger = logging.getLogger(__name__)


class VippsClient:
    def __init__(self, client_id: str, client_secret: str, subscription_key: str, base_url: str = "https://api.vipps.no"):
        self.base_url = base_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.subscription_key = subscription_key

    def token(self) -> str:
        headers = {
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "Ocp-Apim-Subscription-Key": self.subscription_key,
        }
        # ruleid: KL401
        logger.debug("Requesting token for client %s with secret %s", self.client_id, self.client_secret)
        response = requests.post(f"{self.base_url}/accesstoken/get", headers=headers, timeout=10)
        response.raise_for_status()
        return response.json()["access_token"]
