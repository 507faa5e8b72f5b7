# eval: vulnerable
# urllib3: the pool's default headers, key included, are logged when the client starts.
import logging
import os

import urllib3

log = logging.getLogger(__name__)


class VippsClient:
    def __init__(self):
        self.http = urllib3.PoolManager(headers={"Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"],
                                                 "Vipps-System-Name": "shop"})
        # ruleid: KL401
        log.info("vipps client ready: %s", self.http.headers)

    def payment(self, reference, token):
        return self.http.request("GET", f"https://api.vipps.no/epayment/v1/payments/{reference}",
                                 headers={**self.http.headers, "Authorization": f"Bearer {token}"}).json()
