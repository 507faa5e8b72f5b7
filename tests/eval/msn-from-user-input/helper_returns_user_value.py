# eval: vulnerable
import requests
from flask import request


def selected_sales_unit():
    """The shop switcher in the header posts the chosen sales unit."""
    return request.values.get("sales_unit") or request.cookies.get("sales_unit")


def capture(reference, amount):
    headers = auth_headers()
    # ruleid: KL201
    headers["Merchant-Serial-Number"] = selected_sales_unit()
    return requests.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=headers, json=amount).json()
