# eval: vulnerable
import uuid

import requests
from flask import request

API = "https://api.vipps.no"


def with_sales_unit(headers, msn):
    headers = dict(headers)
    # ruleid: KL201
    headers["Merchant-Serial-Number"] = msn
    return headers


def payment_headers(msn):
    base = {"Authorization": f"Bearer {token()}", "Idempotency-Key": str(uuid.uuid4())}
    return with_sales_unit(base, msn)


def create_payment():
    data = request.get_json()
    headers = payment_headers(data["merchant"]["msn"])
    return requests.post(f"{API}/epayment/v1/payments", json=data["payment"], headers=headers).json()
