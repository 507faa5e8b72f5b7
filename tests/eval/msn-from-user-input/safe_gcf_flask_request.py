# eval: safe
# Google Cloud Functions: the body names the payment; the MSN is looked up from the verified caller.
import functions_framework
import requests


@functions_framework.http
def capture(request):
    body = request.get_json(silent=True)
    caller = verify_id_token(request.headers["Authorization"])
    headers = {**vipps_headers(), "Merchant-Serial-Number": merchant_for(caller["sub"]).msn}
    r = requests.post(f"https://api.vipps.no/epayment/v1/payments/{body['reference']}/capture", headers=headers, json=body["amount"])
    return r.json(), r.status_code
