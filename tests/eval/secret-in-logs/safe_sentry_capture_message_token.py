# eval: safe
# Sentry: a failed capture is reported with the reference and status code.
import requests
import sentry_sdk


def capture(reference, access_token):
    r = requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers={"Authorization": f"Bearer {access_token}"})
    if not r.ok:
        sentry_sdk.capture_message(f"Vipps capture failed for {reference}: {r.status_code}")
    return r.ok
