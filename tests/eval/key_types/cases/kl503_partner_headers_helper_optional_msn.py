"""A partner's ePayment client: the header helper adds Merchant-Serial-Number only when it is
given, and cancel() never gives it."""
import os
import uuid

import requests

API = "https://api.vipps.no"


class EPaymentClient:
    def __init__(self):
        self.session = requests.Session()
        self.session.headers["Ocp-Apim-Subscription-Key"] = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]

    def _headers(self, msn=None):
        headers = {"Authorization": f"Bearer {os.environ['VIPPS_PARTNER_ACCESS_TOKEN']}", "Idempotency-Key": str(uuid.uuid4())}
        if msn is not None:
            headers["Merchant-Serial-Number"] = msn
        return headers

    def capture(self, reference, amount, msn):
        # ok: KL503
        return self.session.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=self._headers(msn),
                                 json={"modificationAmount": amount})

    def cancel(self, reference):
        # ruleid: KL503
        return self.session.post(f"{API}/epayment/v1/payments/{reference}/cancel", headers=self._headers())
