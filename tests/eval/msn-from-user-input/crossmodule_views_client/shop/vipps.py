# eval: vulnerable
import requests

API = "https://api.vipps.no"


def sales_unit_headers(msn):
    headers = {"Authorization": f"Bearer {token()}"}
    # ruleid: KL201
    headers["Merchant-Serial-Number"] = msn
    return headers


def capture(msn, reference, amount):
    return requests.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=sales_unit_headers(msn), json=amount).json()
