# eval: vulnerable
# structlog: the key is bound to the logger, so every later event carries it.
import os

import requests
import structlog

log = structlog.get_logger()


class VippsClient:
    def __init__(self):
        self.subscription_key = os.environ["VIPPS_SUBSCRIPTION_KEY"]
        # ruleid: KL401
        self.log = log.bind(api="https://api.vipps.no", subscription_key=self.subscription_key)

    def payment(self, reference, token):
        self.log.info("get payment", reference=reference)
        return requests.get(f"https://api.vipps.no/epayment/v1/payments/{reference}",
                            headers={"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": self.subscription_key}).json()
