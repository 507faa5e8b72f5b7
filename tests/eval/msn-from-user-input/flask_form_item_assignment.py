# eval: vulnerable
import requests
from flask import Flask, request

app = Flask(__name__)
API = "https://api.vipps.no"


@app.post("/orders/<reference>/capture")
def capture(reference):
    headers = {"Authorization": f"Bearer {get_token()}", "Ocp-Apim-Subscription-Key": SUB_KEY}
    # ruleid: KL201
    headers["Merchant-Serial-Number"] = request.form["msn"]
    body = {"modificationAmount": {"currency": "NOK", "value": int(request.form["amount"])}}
    return requests.post(f"{API}/epayment/v1/payments/{reference}/capture", json=body, headers=headers).json()
