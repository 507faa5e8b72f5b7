# eval: vulnerable
# Sentry: a breadcrumb records the Vipps token call's response, token and all.
import requests
import sentry_sdk
from django.conf import settings


def get_token():
    r = requests.post("https://api.vipps.no/accesstoken/get", headers={
        "client_id": settings.VIPPS_CLIENT_ID, "client_secret": settings.VIPPS_CLIENT_SECRET,
        "Ocp-Apim-Subscription-Key": settings.VIPPS_SUBSCRIPTION_KEY})
    body = r.json()
    # ruleid: KL401
    sentry_sdk.add_breadcrumb(category="vipps", message="token fetched", data=body)
    return body["access_token"]
