import os

import requests


def fetch_token() -> str:
    resp = requests.post(
        "https://api.vipps.no/accesstoken/get",
        headers={
            "client_id": os.environ["CLIENT_ID"],
            "client_secret": os.environ["CLIENT_SECRET"],
            "Ocp-Apim-Subscription-Key": os.environ["SUBSCRIPTION_KEY"],
        },
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]
