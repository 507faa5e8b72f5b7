# eval: safe
# Dramatiq: the caller sends the reference only; the actor builds the Vipps headers itself and logs the reference.
import logging
import os

import dramatiq
import requests

log = logging.getLogger(__name__)


def vipps_headers():
    return {"Authorization": f"Bearer {fetch_token()}", "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]}


@dramatiq.actor(max_retries=5)
def poll_payment(reference, header_names):
    log.info("polling %s with %s", reference, header_names)
    return requests.get(f"https://api.vipps.no/epayment/v1/payments/{reference}", headers=vipps_headers()).json()


def on_checkout(order):
    poll_payment.send(order.reference, sorted(vipps_headers()))
