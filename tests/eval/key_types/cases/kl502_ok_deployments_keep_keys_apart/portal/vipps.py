"""Access tokens for the ePayment client, with the key set the deployment names."""
import requests
from django.conf import settings


def access_token() -> str:
    keys = settings.VIPPS_KEYS[settings.VIPPS_KEYSET]
    # ok: KL502
    resp = requests.post(f"{settings.VIPPS_BASE_URL}/accesstoken/get", timeout=10, headers={
        "client_id": keys["client_id"], "client_secret": keys["client_secret"],
        "Ocp-Apim-Subscription-Key": keys["subscription_key"]})
    return resp.json()["access_token"]
