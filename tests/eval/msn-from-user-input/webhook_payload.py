# eval: vulnerable
import requests
from flask import Flask, request

app = Flask(__name__)


@app.post("/hooks/order-shipped")
def order_shipped():
    event = request.get_json(force=True)
    msn = event["shop"]["msn"]
    reference = event["paymentReference"]
    headers = {"Authorization": f"Bearer {token()}", "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY}
    # ruleid: KL201
    headers["Merchant-Serial-Number"] = msn
    requests.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=headers, json={"modificationAmount": event["amount"]})
    return "", 204
