"""refund() passes its optional msn on to the header helper; the nightly job calls it without one."""
import os

import requests

API = "https://api.vipps.no"


def headers(msn: str | None = None) -> dict:
    h = {"Authorization": "Bearer " + os.environ["VIPPS_PARTNER_ACCESS_TOKEN"],
         "Ocp-Apim-Subscription-Key": os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]}
    if msn:
        h["Merchant-Serial-Number"] = msn
    return h


def refund(reference: str, amount: dict, msn: str | None = None):
    # ruleid: KL503
    return requests.post(f"{API}/epayment/v1/payments/{reference}/refund", json={"modificationAmount": amount},
                         headers=headers(msn=msn))


def refund_from_view(order):
    return refund(order.reference, order.amount, msn=order.sales_unit.msn)


def nightly_refunds(orders):
    for order in orders:
        refund(order.reference, order.amount)
