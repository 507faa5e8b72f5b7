"""Celery beat task: charge due subscriptions (test stack)."""
import os
import uuid

import requests
from celery import Celery

from subscriptions.models import DueCharge

app = Celery("billing")
VIPPS_URL = "https://apitest.vipps.no"


def get_partner_token() -> str:
    # ruleid: KL502
    resp = requests.post(f"{VIPPS_URL}/accesstoken/get", timeout=10, headers={
        "client_id": os.environ["PARTNER_CLIENT_ID"],
        "client_secret": os.environ["PARTNER_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": os.environ["PARTNER_SUBSCRIPTION_KEY"],
    })
    resp.raise_for_status()
    return resp.json()["access_token"]


@app.task
def charge_due_agreements() -> int:
    token = get_partner_token()
    count = 0
    for due in DueCharge.objects.select_related("merchant").filter(sent=False):
        # ruleid: KL502
        resp = requests.post(
            f"{VIPPS_URL}/recurring/v3/agreements/{due.agreement_id}/charges",
            headers={"Authorization": f"Bearer {token}",
                     "Ocp-Apim-Subscription-Key": os.environ["PARTNER_SUBSCRIPTION_KEY"],
                     "Merchant-Serial-Number": due.merchant.msn,
                     "Idempotency-Key": f"charge-{due.pk}"},
            json={"amount": due.amount_ore, "description": due.description, "due": due.due_date.isoformat(),
                  "retryDays": 3, "transactionType": "DIRECT_CAPTURE", "orderId": uuid.uuid4().hex},
            timeout=15,
        )
        resp.raise_for_status()
        due.mark_sent(resp.json()["chargeId"])
        count += 1
    return count
