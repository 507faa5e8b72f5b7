import os

import requests


def get_token():
    resp = requests.post(
        "https://api.vipps.no/accesstoken/get",
        headers={"client_id": os.environ["VIPPS_CLIENT_ID"], "client_secret": os.environ["VIPPS_CLIENT_SECRET"]},
    )
    return resp.json()["access_token"]
