# eval: safe
# Bottle: the JSON body names the payment; the sales unit comes from the signed session cookie.
import requests
from bottle import post, request

VIPPS_API = "https://api.vipps.no"


@post("/refunds")
def refund():
    data = request.json
    msn = merchant_for_session(request.get_cookie("sid", secret=COOKIE_SECRET)).msn
    r = requests.post(
        f"{VIPPS_API}/epayment/v1/payments/{data['reference']}/refund",
        headers={**auth_headers(), "Merchant-Serial-Number": msn},
        json={"modificationAmount": {"currency": "NOK", "value": data["amount"]}},
    )
    return r.json()
