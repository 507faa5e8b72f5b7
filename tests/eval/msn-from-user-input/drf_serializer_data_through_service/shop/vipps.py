"""ePayment client: the sales unit acted for goes in Merchant-Serial-Number."""
import os
import uuid

import requests

API = "https://api.vipps.no/epayment/v1/payments"


class EPaymentClient:
    def __init__(self):
        self.session = requests.Session()
        self.session.headers["Ocp-Apim-Subscription-Key"] = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]

    def _headers(self, msn=None):
        headers = {"Idempotency-Key": str(uuid.uuid4())}
        if msn is not None:
            # ruleid: KL201
            headers["Merchant-Serial-Number"] = msn
        return headers

    def capture(self, reference, amount, *, msn):
        return self.session.post(f"{API}/{reference}/capture", headers=self._headers(msn=msn),
                                 json={"modificationAmount": amount})
