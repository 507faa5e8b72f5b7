# eval: vulnerable
import os

import requests

VIPPS_API = os.environ.get("VIPPS_API_URL", "https://api.vipps.no")


def debug_env():
    # Dumps VIPPS_CLIENT_SECRET and VIPPS_SUBSCRIPTION_KEY with everything else.
    # ruleid: KL401
    print(dict(os.environ))


def token():
    headers = {"client_id": os.environ["VIPPS_CLIENT_ID"], "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
               "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]}
    return requests.post(f"{VIPPS_API}/accesstoken/get", headers=headers, timeout=10).json()["access_token"]
