# eval: vulnerable
# Dramatiq: the caller sends the Vipps request headers with the message; the actor logs its arguments.
import logging
import os

import dramatiq
import requests

log = logging.getLogger(__name__)


def vipps_headers():
    return {"Authorization": f"Bearer {fetch_token()}", "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]}


@dramatiq.actor(max_retries=5)
def poll_payment(reference, headers):
    # ruleid: KL401
    log.info("polling %s with %s", reference, headers)
    return requests.get(f"https://api.vipps.no/epayment/v1/payments/{reference}", headers=headers).json()


def on_checkout(order):
    poll_payment.send(order.reference, vipps_headers())
