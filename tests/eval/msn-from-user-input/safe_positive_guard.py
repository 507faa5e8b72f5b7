# eval: safe
import requests
from flask import abort, request
from flask_login import current_user


def capture(reference):
    msn = request.form["msn"]
    if msn in current_user.sales_unit_msns:
        headers = {**auth_headers(), "Merchant-Serial-Number": msn}
        return requests.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=headers, json={}).json()
    abort(403)
