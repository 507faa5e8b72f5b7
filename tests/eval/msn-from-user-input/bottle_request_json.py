# eval: vulnerable
# Bottle: the JSON body of a refund request names the sales unit.
import requests
from bottle import post, request

VIPPS_API = "https://api.vipps.no"


@post("/refunds")
def refund():
    data = request.json
    msn = data.get("merchantSerialNumber")
    r = requests.post(
        f"{VIPPS_API}/epayment/v1/payments/{data['reference']}/refund",
        # ruleid: KL201
        headers={**auth_headers(), "Merchant-Serial-Number": msn},
        json={"modificationAmount": {"currency": "NOK", "value": data["amount"]}},
    )
    return r.json()
