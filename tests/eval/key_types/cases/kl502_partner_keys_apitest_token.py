#!/usr/bin/env python3
"""Smoke test run by CI before deploy: can we still get a token?"""
import os
import sys

import requests

BASE_URL = "https://apitest.vipps.no"

VIPPS_PARTNER_CLIENT_ID = os.environ["VIPPS_PARTNER_CLIENT_ID"]
VIPPS_PARTNER_CLIENT_SECRET = os.environ["VIPPS_PARTNER_CLIENT_SECRET"]
VIPPS_PARTNER_SUBSCRIPTION_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]


def main() -> int:
    # ruleid: KL502
    resp = requests.post(
        BASE_URL + "/accesstoken/get",
        headers={
            "client_id": VIPPS_PARTNER_CLIENT_ID,
            "client_secret": VIPPS_PARTNER_CLIENT_SECRET,
            "Ocp-Apim-Subscription-Key": VIPPS_PARTNER_SUBSCRIPTION_KEY,
        },
        timeout=10,
    )
    if resp.status_code != 200:
        print(f"token request failed: {resp.status_code}", file=sys.stderr)
        return 1
    print("token ok, expires in", resp.json()["expires_in"], "s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
