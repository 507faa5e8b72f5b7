"""One client for partner keys and a merchant's own keys: own keys belong to one sales unit and
send no Merchant-Serial-Number; partner keys always do."""
import os

import requests

API = "https://api.vipps.no"


class Keys:
    def __init__(self, kind, client_id, client_secret, subscription_key):
        self.kind = kind
        self.client_id = client_id
        self.client_secret = client_secret
        self.subscription_key = subscription_key

    @property
    def is_merchant(self) -> bool:
        return self.kind == "merchant"


PARTNER_KEYS = Keys("partner", os.environ["VIPPS_PARTNER_CLIENT_ID"], os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
                    os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"])


class Payments:
    def __init__(self, keys):
        self.keys = keys

    def events(self, reference, msn):
        headers = {"Ocp-Apim-Subscription-Key": self.keys.subscription_key}
        if self.keys.is_merchant:
            # ok: KL503
            return requests.get(f"{API}/epayment/v1/payments/{reference}/events", headers=headers)
        headers["Merchant-Serial-Number"] = msn
        # ok: KL503
        return requests.get(f"{API}/epayment/v1/payments/{reference}/events", headers=headers)


def events_for(order):
    return Payments(PARTNER_KEYS).events(order.reference, order.sales_unit.msn)
