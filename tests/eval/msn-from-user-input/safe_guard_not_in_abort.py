# eval: safe
import requests
from flask import abort, request
from flask_login import current_user


def refund(reference):
    msn = request.form["msn"]
    if msn not in allowed_msns(current_user):
        abort(403)
    headers = auth_headers()
    headers["Merchant-Serial-Number"] = msn
    return requests.post(f"{API}/epayment/v1/payments/{reference}/refund", headers=headers, json={}).json()
