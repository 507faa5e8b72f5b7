# eval: vulnerable
import requests
from flask import request


class SalesUnitClient:
    def __init__(self, msn):
        self.msn = msn
        self.session = requests.Session()

    def headers(self):
        # ruleid: KL201
        return {**auth_headers(), "Merchant-Serial-Number": self.msn}

    def capture(self, reference, amount):
        return self.session.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=self.headers(), json=amount)


def capture_view(reference):
    client = SalesUnitClient(request.form["msn"])
    return client.capture(reference, {"value": 100, "currency": "NOK"}).json()
