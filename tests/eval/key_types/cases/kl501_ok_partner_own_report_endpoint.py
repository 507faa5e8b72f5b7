"""After creating a payment for a merchant, post a summary to our own reporting
backend. '/api/report' is the partner's own service, not the Vipps Report API."""
import os
import uuid

import requests

from shops.models import Shop

VIPPS_API = "https://api.vipps.no"
REPORT_BACKEND = os.environ.get("ACME_REPORTING_URL", "https://reporting.acme-pos.example")
PARTNER_SUBSCRIPTION_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]


def get_partner_token() -> str:
    resp = requests.post(f"{VIPPS_API}/accesstoken/get", timeout=10, headers={
        "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
    })
    resp.raise_for_status()
    return resp.json()["access_token"]


def charge_and_report(shop: Shop, amount_ore: int, reference: str) -> None:
    token = get_partner_token()
    # ok: KL501, KL503
    payment = requests.post(f"{VIPPS_API}/epayment/v1/payments", timeout=15, headers={
        "Authorization": f"Bearer {token}",
        "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
        "Merchant-Serial-Number": shop.vipps_msn,
        "Idempotency-Key": str(uuid.uuid4()),
    }, json={"amount": {"currency": "NOK", "value": amount_ore}, "reference": reference,
             "paymentMethod": {"type": "WALLET"}, "userFlow": "QR"})
    payment.raise_for_status()
    report_url = f"{REPORT_BACKEND}/api/report"
    # ok: KL501
    requests.post(report_url, json={"shop": shop.pk, "reference": reference, "amount": amount_ore},
                  headers={"X-Api-Key": os.environ["ACME_REPORTING_API_KEY"]}, timeout=5)
