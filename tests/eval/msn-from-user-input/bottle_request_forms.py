# eval: vulnerable
# Bottle: a hidden form field names the sales unit.
import requests
from bottle import post, request


@post("/capture/<reference>")
def capture(reference):
    # ruleid: KL201
    headers = {**vipps_headers(), "Merchant-Serial-Number": request.forms.get("msn")}
    return requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers=headers,
                         json={"modificationAmount": {"currency": "NOK", "value": int(request.forms.get("amount"))}}).json()
