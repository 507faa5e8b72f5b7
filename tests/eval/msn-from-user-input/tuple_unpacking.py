# eval: vulnerable
import requests
from flask import request


def refund():
    msn, reference = request.form["msn"], request.form["reference"]
    # ruleid: KL201
    headers = {**auth_headers(), "Merchant-Serial-Number": msn}
    return requests.post(f"{API}/epayment/v1/payments/{reference}/refund", headers=headers, json={}).json()
