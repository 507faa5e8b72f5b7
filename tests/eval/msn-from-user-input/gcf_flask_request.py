# eval: vulnerable
# Google Cloud Functions (functions-framework): the request is a Flask request.
import functions_framework
import requests


@functions_framework.http
def capture(request):
    body = request.get_json(silent=True)
    # ruleid: KL201
    headers = {**vipps_headers(), "Merchant-Serial-Number": body["msn"]}
    r = requests.post(f"https://api.vipps.no/epayment/v1/payments/{body['reference']}/capture", headers=headers, json=body["amount"])
    return r.json(), r.status_code
