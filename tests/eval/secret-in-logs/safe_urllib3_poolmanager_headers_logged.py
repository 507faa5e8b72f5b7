# eval: safe
# urllib3: the client logs the names of the pool's default headers.
import logging
import os

import urllib3

log = logging.getLogger(__name__)


class VippsClient:
    def __init__(self):
        self.http = urllib3.PoolManager(headers={"Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"],
                                                 "Vipps-System-Name": "shop"})
        log.info("vipps client ready: %s", list(self.http.headers.keys()))

    def payment(self, reference, token):
        return self.http.request("GET", f"https://api.vipps.no/epayment/v1/payments/{reference}",
                                 headers={**self.http.headers, "Authorization": f"Bearer {token}"}).json()
