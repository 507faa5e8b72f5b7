# eval: vulnerable
# Sentry: a failed capture is reported with the token in the message.
import requests
import sentry_sdk


def capture(reference, access_token):
    r = requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers={"Authorization": f"Bearer {access_token}"})
    if not r.ok:
        # ruleid: KL401
        sentry_sdk.capture_message(f"Vipps capture failed for {reference} with token {access_token}: {r.status_code}")
    return r.ok
