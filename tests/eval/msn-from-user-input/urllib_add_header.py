# eval: vulnerable
import json
import urllib.request

from flask import request


def cancel_payment(reference):
    req = urllib.request.Request(f"{API}/epayment/v1/payments/{reference}/cancel", method="POST")
    req.add_header("Authorization", f"Bearer {token()}")
    # ruleid: KL201
    req.add_header("Merchant-Serial-Number", request.args["msn"])
    with urllib.request.urlopen(req) as resp:
        return json.load(resp)
