# eval: safe
# Stripe's documented flow: the PaymentIntent's client_secret is meant for the browser.
import os

import stripe
from flask import Flask, jsonify, request

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
app = Flask(__name__)


@app.route("/create-payment-intent", methods=["POST"])
def create_payment():
    data = request.get_json()
    intent = stripe.PaymentIntent.create(amount=calculate_order_amount(data["items"]), currency="nok", automatic_payment_methods={"enabled": True})
    return jsonify({"clientSecret": intent["client_secret"], "publishableKey": os.environ["STRIPE_PUBLISHABLE_KEY"]})


def calculate_order_amount(items):
    return sum(item["amount"] for item in items)
