"""Tiny stdlib-only token fetcher shipped with the partner's CLI tools."""
import json
import os
import urllib.request

TEST_ENV = "https://apitest.vipps.no"


def fetch_partner_token() -> dict:
    req = urllib.request.Request(
        TEST_ENV + "/accesstoken/get",
        data=b"",
        headers={
            "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
            "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
            "Ocp-Apim-Subscription-Key": os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"],
        },
        method="POST",
    )
    # ruleid: KL502
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


if __name__ == "__main__":
    token = fetch_partner_token()
    print("expires_in:", token["expires_in"])
