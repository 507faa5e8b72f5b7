"""Partner keys in production, charging an agreement for the merchant that
owns it; the MSN comes from the partner's agreement record."""
import os
from dataclasses import dataclass

import requests


@dataclass(frozen=True)
class PartnerKeys:
    client_id: str
    client_secret: str
    subscription_key: str


PARTNER = PartnerKeys(os.environ["PARTNER_CLIENT_ID"], os.environ["PARTNER_CLIENT_SECRET"],
                      os.environ["PARTNER_SUBSCRIPTION_KEY"])
BASE_URL = "https://api.vipps.no"


def partner_token(keys: PartnerKeys) -> str:
    r = requests.post(f"{BASE_URL}/accesstoken/get", timeout=10, headers={
        "client_id": keys.client_id, "client_secret": keys.client_secret,
        "Ocp-Apim-Subscription-Key": keys.subscription_key})
    r.raise_for_status()
    return r.json()["access_token"]


def charge(agreement, amount_ore: int, due: str) -> str:
    # ok: KL501, KL502, KL503
    r = requests.post(
        f"{BASE_URL}/recurring/v3/agreements/{agreement.vipps_id}/charges",
        headers={"Authorization": f"Bearer {partner_token(PARTNER)}",
                 "Ocp-Apim-Subscription-Key": PARTNER.subscription_key,
                 "Merchant-Serial-Number": agreement.merchant.msn,
                 "Idempotency-Key": f"charge-{agreement.pk}-{due}"},
        json={"amount": amount_ore, "description": "Monthly plan", "due": due,
              "retryDays": 2, "transactionType": "DIRECT_CAPTURE"},
        timeout=15,
    )
    r.raise_for_status()
    return r.json()["chargeId"]
