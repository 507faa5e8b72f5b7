# eval: safe
import os

import requests

MSN = os.environ["VIPPS_MSN"]


def capture(reference, amount):
    headers = {**auth_headers(), "Merchant-Serial-Number": MSN}
    return requests.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=headers, json=amount).json()
