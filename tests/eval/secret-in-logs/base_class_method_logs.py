# eval: vulnerable
# The Vipps client inherits a request logger from a generic base client.
import logging

import httpx

log = logging.getLogger(__name__)


class BaseApiClient:
    def _log_request(self, method, url, headers):
        # ruleid: KL401
        log.info("%s %s headers=%s", method, url, headers)


class VippsClient(BaseApiClient):
    def __init__(self, subscription_key, access_token):
        self.http = httpx.Client(base_url="https://api.vipps.no")
        self.subscription_key, self.access_token = subscription_key, access_token

    def get_payment(self, reference):
        headers = {"Authorization": f"Bearer {self.access_token}", "Ocp-Apim-Subscription-Key": self.subscription_key}
        self._log_request("GET", f"/epayment/v1/payments/{reference}", headers)
        return self.http.get(f"/epayment/v1/payments/{reference}", headers=headers).json()
