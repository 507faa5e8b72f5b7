# eval: vulnerable
import re

import requests
from flask import abort, request


def capture(reference):
    msn = request.headers.get("X-Sales-Unit", "")
    if not re.fullmatch(r"\d{5,7}", msn):
        abort(400)
    headers = auth_headers()
    # ruleid: KL201
    headers["Merchant-Serial-Number"] = msn
    return requests.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=headers, json={}).json()
