# eval: vulnerable
# Dramatiq: the view queues the MSN from the request; the actor captures for that sales unit.
import dramatiq
import requests
from flask import Flask, request

app = Flask(__name__)


@dramatiq.actor(max_retries=3)
def capture_payment(reference, msn, amount):
    requests.post(
        f"https://api.vipps.no/epayment/v1/payments/{reference}/capture",
        # ruleid: KL201
        headers={**vipps_headers(), "Merchant-Serial-Number": msn},
        json={"modificationAmount": {"currency": "NOK", "value": amount}},
    )


@app.post("/capture")
def capture():
    body = request.get_json()
    capture_payment.send(body["reference"], body["msn"], body["amount"])
    return {"queued": True}
