# eval: safe
import requests
from flask import request
from flask_login import current_user


def payment_events():
    reference = request.args["reference"]
    headers = {**auth_headers(), "Merchant-Serial-Number": current_user.merchant.msn}
    return requests.get(f"{API}/epayment/v1/payments/{reference}/events", headers=headers).json()
