# eval: vulnerable
# Sentry: the failing Vipps request's headers are attached to the error event.
import os

import requests
import sentry_sdk


def refund(reference, amount, token):
    headers = {"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]}
    r = requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/refund", headers=headers,
                      json={"modificationAmount": {"currency": "NOK", "value": amount}})
    if not r.ok:
        # ruleid: KL401
        sentry_sdk.set_extra("vipps_request_headers", headers)
        sentry_sdk.capture_message(f"Vipps refund failed: {r.status_code}")
    return r
