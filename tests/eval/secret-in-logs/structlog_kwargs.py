# eval: vulnerable
import httpx
import structlog

log = structlog.get_logger()


class PartnerClient:
    base_url = "https://api.vipps.no"

    def __init__(self, client_id, client_secret, subscription_key):
        self.client_id = client_id
        self.client_secret = client_secret
        self.subscription_key = subscription_key

    def describe(self):
        # ruleid: KL401
        log.info("partner client", client_id=self.client_id, secret=self.client_secret)

    def token(self):
        headers = {"client_id": self.client_id, "client_secret": self.client_secret,
                   "Ocp-Apim-Subscription-Key": self.subscription_key}
        return httpx.post(f"{self.base_url}/accesstoken/get", headers=headers).json()["access_token"]
