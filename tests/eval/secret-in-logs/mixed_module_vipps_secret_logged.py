# eval: vulnerable
# The same integrations module; here the Vipps client logs its own secret.
import logging

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


class KeycloakClient:
    def __init__(self, server_url, realm, client_id, client_secret):
        self.token_url = f"{server_url}/realms/{realm}/protocol/openid-connect/token"
        self.client_id = client_id
        self.client_secret = client_secret

    def service_token(self):
        data = {"grant_type": "client_credentials", "client_id": self.client_id, "client_secret": self.client_secret}
        return requests.post(self.token_url, data=data, timeout=10).json()["access_token"]


class VippsClient:
    def __init__(self):
        self.client_id = settings.VIPPS_CLIENT_ID
        self.client_secret = settings.VIPPS_CLIENT_SECRET
        self.subscription_key = settings.VIPPS_SUBSCRIPTION_KEY

    def access_token(self):
        headers = {
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "Ocp-Apim-Subscription-Key": self.subscription_key,
        }
        # ruleid: KL401
        logger.info("vipps client credentials: %s / %s", self.client_id, self.client_secret)
        resp = requests.post("https://api.vipps.no/accesstoken/get", headers=headers, timeout=10)
        return resp.json()["access_token"]
