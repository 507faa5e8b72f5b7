import os

import requests


def fetch_token() -> str:
    resp = requests.post(
        f"https://{os.environ['AUTH0_DOMAIN']}/oauth/token",
        json={
            "grant_type": "client_credentials",
            "client_id": os.environ["CLIENT_ID"],
            "client_secret": os.environ["CLIENT_SECRET"],
            "audience": "https://pos.example.com/api",
        },
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]
