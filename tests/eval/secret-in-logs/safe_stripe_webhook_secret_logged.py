# eval: safe
# Setting up a Stripe webhook endpoint: the signing secret printed once by an ops script, not a Vipps key.
import os

import stripe

stripe.api_key = os.environ["STRIPE_API_KEY"]


def register_webhook(url: str) -> None:
    endpoint = stripe.WebhookEndpoint.create(url=url, enabled_events=["payment_intent.succeeded", "charge.refunded"])
    secret = endpoint.secret
    print(f"Created webhook {endpoint.id}; set STRIPE_WEBHOOK_SECRET={secret}")
