"""Flask checkout app of a multi-merchant marketplace, configured for the test environment."""
import os

import requests
from flask import Flask, g, jsonify

app = Flask(__name__)
app.config.update(
    VIPPS_BASE_URL="https://apitest.vipps.no",
    VIPPS_PARTNER_CLIENT_ID=os.environ["VIPPS_PARTNER_CLIENT_ID"],
    VIPPS_PARTNER_CLIENT_SECRET=os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
    VIPPS_PARTNER_SUBSCRIPTION_KEY=os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"],
)


def partner_token() -> str:
    cfg = app.config
    # ruleid: KL502
    resp = requests.post(cfg["VIPPS_BASE_URL"] + "/accesstoken/get", timeout=10, headers={
        "client_id": cfg["VIPPS_PARTNER_CLIENT_ID"],
        "client_secret": cfg["VIPPS_PARTNER_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": cfg["VIPPS_PARTNER_SUBSCRIPTION_KEY"],
    })
    resp.raise_for_status()
    return resp.json()["access_token"]


@app.post("/checkout/<int:order_id>")
def start_checkout(order_id: int):
    order = g.merchant.orders.get(order_id)  # g.merchant set from the login session
    # ruleid: KL502
    resp = requests.post(
        app.config["VIPPS_BASE_URL"] + "/checkout/v3/session",
        headers={"Authorization": f"Bearer {partner_token()}",
                 "Ocp-Apim-Subscription-Key": app.config["VIPPS_PARTNER_SUBSCRIPTION_KEY"],
                 "Merchant-Serial-Number": g.merchant.msn},
        json={"merchantInfo": {"callbackUrl": f"https://market.example/vipps/cb/{order.id}",
                               "returnUrl": f"https://market.example/orders/{order.id}"},
              "transaction": {"amount": {"currency": "NOK", "value": order.total_ore},
                              "reference": order.reference, "paymentDescription": order.title}},
        timeout=15,
    )
    resp.raise_for_status()
    return jsonify(url=resp.json()["checkoutFrontendUrl"])
