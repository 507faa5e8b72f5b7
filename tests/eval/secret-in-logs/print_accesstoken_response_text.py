# eval: vulnerable
# The Vipps token endpoint's body is the token: printing resp.text prints it.
import os

import requests


def access_token() -> str:
    resp = requests.post(
        "https://api.vipps.no/accesstoken/get",
        headers={
            "client_id": os.environ["CLIENT_ID"],
            "client_secret": os.environ["CLIENT_SECRET"],
            "Ocp-Apim-Subscription-Key": os.environ["SUBSCRIPTION_KEY"],
        },
        timeout=10,
    )
    # ruleid: KL401
    print(f"token endpoint answered {resp.status_code}: {resp.text}")
    resp.raise_for_status()
    return resp.json()["access_token"]
