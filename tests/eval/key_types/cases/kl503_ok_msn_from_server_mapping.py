"""Flask payment endpoint of a multi-shop platform (partner keys). The MSN
comes from the server-side record of the logged-in shop, never from the client."""
import os
import uuid

import requests
from flask import Flask, abort, jsonify, request
from flask_login import current_user, login_required

app = Flask(__name__)
VIPPS_API = "https://api.vipps.no"
PARTNER_SUBSCRIPTION_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]

# shop id -> sales unit, loaded from the partner's own database at start-up
SHOP_TO_MSN = {row["shop_id"]: row["msn"] for row in app.config.get("SALES_UNITS", [])}


def get_partner_token() -> str:
    resp = requests.post(f"{VIPPS_API}/accesstoken/get", timeout=10, headers={
        "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
    })
    resp.raise_for_status()
    return resp.json()["access_token"]


@app.post("/pay")
@login_required
def pay():
    msn = SHOP_TO_MSN.get(current_user.shop_id)
    if msn is None:
        abort(403)
    amount = int(request.json["amount"])
    # ok: KL503
    resp = requests.post(
        f"{VIPPS_API}/epayment/v1/payments",
        headers={"Authorization": f"Bearer {get_partner_token()}",
                 "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
                 "Merchant-Serial-Number": msn,
                 "Idempotency-Key": str(uuid.uuid4())},
        json={"amount": {"currency": "NOK", "value": amount}, "reference": uuid.uuid4().hex,
              "paymentMethod": {"type": "WALLET"}, "userFlow": "QR"},
        timeout=15,
    )
    resp.raise_for_status()
    return jsonify(resp.json())
