# eval: safe
import requests
from flask import request
from flask_login import current_user


def refund(reference):
    shop = current_user.shops.filter_by(msn=request.form["msn"]).first_or_404()
    headers = {**auth_headers(), "Merchant-Serial-Number": shop.msn}
    return requests.post(f"{API}/epayment/v1/payments/{reference}/refund", headers=headers, json={}).json()
