# eval: safe
# A Keycloak OpenID client (python-keycloak style): its own client_secret and tokens, no Vipps.
import logging

import requests

logger = logging.getLogger(__name__)


class KeycloakOpenID:
    def __init__(self, server_url: str, realm_name: str, client_id: str = "admin-cli", client_secret: str | None = None):
        self.server_url = server_url.rstrip("/")
        self.realm_name = realm_name
        self.client_id = client_id
        self.client_secret = client_secret

    def token(self, username: str, password: str) -> dict:
        url = f"{self.server_url}/realms/{self.realm_name}/protocol/openid-connect/token"
        payload = {
            "grant_type": "password",
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "username": username,
            "password": password,
        }
        logger.debug("Requesting token for client %s with secret %s", self.client_id, self.client_secret)
        response = requests.post(url, data=payload, timeout=10)
        response.raise_for_status()
        return response.json()
