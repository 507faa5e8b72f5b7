# eval: safe
import requests
from flask_login import current_user


def vipps_headers(msn):
    return {**auth_headers(), "Merchant-Serial-Number": msn}


def capture(reference):
    return requests.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=vipps_headers(current_user.merchant.msn)).json()


def cancel(reference):
    return requests.put(f"{API}/epayment/v1/payments/{reference}/cancel", headers=vipps_headers(current_user.merchant.msn)).json()
