# eval: safe
# A thin Stripe REST client that logs its request headers while debugging: Stripe's key, not Vipps.
import logging
import os

import requests

logger = logging.getLogger(__name__)
api_key = os.environ["STRIPE_API_KEY"]


def create_refund(payment_intent: str, amount: int) -> dict:
    headers = {"Authorization": f"Bearer {api_key}", "Idempotency-Key": f"refund-{payment_intent}-{amount}"}
    logger.debug("POST /v1/refunds headers=%s", headers)
    resp = requests.post("https://api.stripe.com/v1/refunds", data={"payment_intent": payment_intent, "amount": amount}, headers=headers, timeout=10)
    resp.raise_for_status()
    return resp.json()
