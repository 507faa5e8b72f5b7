# eval: safe
import requests
from flask import abort, request
from flask_login import current_user


def refund(reference):
    merchant = current_user.merchant
    if request.form.get("msn") != merchant.msn:
        abort(400)
    headers = {**auth_headers(), "Merchant-Serial-Number": merchant.msn}
    return requests.post(f"{API}/epayment/v1/payments/{reference}/refund", headers=headers, json={}).json()
