# eval: safe
# The inherited request logger logs the header names only.
import logging

import httpx

log = logging.getLogger(__name__)


class BaseApiClient:
    def _log_request(self, method, url, headers):
        log.info("%s %s headers=%s", method, url, sorted(headers.keys()))


class VippsClient(BaseApiClient):
    def __init__(self, subscription_key, access_token):
        self.http = httpx.Client(base_url="https://api.vipps.no")
        self.subscription_key, self.access_token = subscription_key, access_token

    def get_payment(self, reference):
        headers = {"Authorization": f"Bearer {self.access_token}", "Ocp-Apim-Subscription-Key": self.subscription_key}
        self._log_request("GET", f"/epayment/v1/payments/{reference}", headers)
        return self.http.get(f"/epayment/v1/payments/{reference}", headers=headers).json()
