"""Registers the partner's webhook endpoint (stdlib only, partner keys)."""
import json
import os
import urllib.request

API = "https://api.vipps.no"


def partner_access_token() -> str:
    req = urllib.request.Request(API + "/accesstoken/get", data=b"", method="POST", headers={
        "client_id": os.environ["PARTNER_CLIENT_ID"],
        "client_secret": os.environ["PARTNER_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": os.environ["PARTNER_SUBSCRIPTION_KEY"],
    })
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)["access_token"]


def register(callback_url: str) -> dict:
    payload = {"url": callback_url,
               "events": ["epayments.payment.authorized.v1", "epayments.payment.captured.v1"]}
    req = urllib.request.Request(
        API + "/webhooks/v1/webhooks",
        data=json.dumps(payload).encode(),
        method="POST",
        headers={"Authorization": "Bearer " + partner_access_token(),
                 "Ocp-Apim-Subscription-Key": os.environ["PARTNER_SUBSCRIPTION_KEY"],
                 "Content-Type": "application/json"},
    )
    # ruleid: KL503
    with urllib.request.urlopen(req, timeout=15) as resp:
        return json.load(resp)


if __name__ == "__main__":
    print(register("https://hooks.acme-pos.example/vipps"))
