# eval: safe
# Dramatiq: the view queues the logged-in merchant's MSN; the actor captures for that sales unit.
import dramatiq
import requests
from flask import Flask, request
from flask_login import current_user, login_required

app = Flask(__name__)


@dramatiq.actor(max_retries=3)
def capture_payment(reference, msn, amount):
    requests.post(
        f"https://api.vipps.no/epayment/v1/payments/{reference}/capture",
        headers={**vipps_headers(), "Merchant-Serial-Number": msn},
        json={"modificationAmount": {"currency": "NOK", "value": amount}},
    )


@app.post("/capture")
@login_required
def capture():
    body = request.get_json()
    capture_payment.send(body["reference"], current_user.merchant.msn, body["amount"])
    return {"queued": True}
