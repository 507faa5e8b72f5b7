"""Ledger lister. The key names say nothing about the key type, and the token
comes from standard auth (merchant or partner keys): the linter must stay quiet."""
import os

import requests

BASE_URL = os.environ.get("VIPPS_BASE_URL", "https://api.vipps.no")
CLIENT_ID = os.environ["CLIENT_ID"]
CLIENT_SECRET = os.environ["CLIENT_SECRET"]
SUBSCRIPTION_KEY = os.environ["SUBSCRIPTION_KEY"]


def access_token() -> str:
    resp = requests.post(BASE_URL + "/accesstoken/get", timeout=10, headers={
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY,
    })
    resp.raise_for_status()
    return resp.json()["access_token"]


def list_ledgers(msn: str) -> list:
    # ok: KL501
    resp = requests.get(
        BASE_URL + "/settlement/v1/ledgers",
        params={"msn": msn},
        headers={"Authorization": "Bearer " + access_token(), "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY},
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()["items"]


if __name__ == "__main__":
    print(list_ledgers(os.environ["MSN"]))
