# eval: safe
import requests
from flask import request
from flask_login import current_user


def cancel(reference):
    shop = Shop.query.filter_by(owner_id=current_user.id, msn=request.form["msn"]).first_or_404()
    headers = auth_headers()
    headers["Merchant-Serial-Number"] = shop.msn
    return requests.put(f"{API}/epayment/v1/payments/{reference}/cancel", headers=headers).json()
