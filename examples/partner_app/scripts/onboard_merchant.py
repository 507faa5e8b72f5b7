"""Onboard new ShopHub merchants through the Management API and send the welcome emails.

Cron: */15 * * * *  cd /srv/shophub && python scripts/onboard_merchant.py
"""
import logging
import smtplib
import sys
import tomllib
import uuid
from email.message import EmailMessage
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from shophub import models, settings  # noqa: E402

with open(ROOT / "config" / "shophub.toml", "rb") as fh:
    CONFIG = tomllib.load(fh)
MGMT = CONFIG["vipps"]["management"]
API = CONFIG["worker"]["api_base_url"]
log = logging.getLogger("onboarding")


def management_token(
    client_id=MGMT["client_id"],
    # ruleid: KL101
    client_secret="5MebCwo461ZFbJp8JmriB-AEB-aQrtyPSoq0xDEd",
):
    """Specialised auth for management keys: Basic auth, client credentials, valid 15 minutes."""
    resp = requests.post(f"{API}/miami/v1/token", auth=(client_id, client_secret), data={"grant_type": "client_credentials"}, timeout=10)
    resp.raise_for_status()
    return resp.json()["access_token"]


def send_email(to, subject, body):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = settings.MAIL_FROM, to, subject
    msg.set_content(body)
    with smtplib.SMTP(settings.SMTP_HOST) as smtp:
        # The same leak as at the caller below, seen where the message is sent:
        # ruleid: KL301
        smtp.send_message(msg)


def order_epayment(token, merchant):
    body = {
        "businessIdentifier": {"scheme": "business:NO:ORG", "id": merchant.org_number},
        "productType": CONFIG["worker"]["product_type"],
        "salesUnitName": merchant.name,
    }
    resp = requests.post(f"{API}/management/v1/product-orders", json=body, headers={"Authorization": f"Bearer {token}", **settings.SYSTEM_HEADERS}, timeout=10)
    resp.raise_for_status()
    log.info("product order sent for org %s", merchant.org_number)


def activate(token, merchant):
    # ok: KL501
    unit = requests.get(f"{API}/management/v1/sales-units/{merchant.msn}", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    unit.raise_for_status()
    # 1 NOK to the owner's phone to prove the sales unit works; refunded by hand afterwards.
    headers = {"Authorization": f"Bearer {token}", "Merchant-Serial-Number": merchant.msn, "Idempotency-Key": str(uuid.uuid4()), **settings.SYSTEM_HEADERS}
    body = {"amount": {"currency": "NOK", "value": 100}, "paymentMethod": {"type": "WALLET"}, "reference": f"verify-{merchant.msn}", "userFlow": "PUSH_MESSAGE"}
    # ruleid: KL501
    resp = requests.post(f"{API}/epayment/v1/payments", json=body, headers=headers, timeout=15)
    log.info("verification payment for msn %s: HTTP %s", merchant.msn, resp.status_code)

    welcome = f"Hi {merchant.name},\n\nSales unit {merchant.msn} is approved and can take Vipps MobilePay payments.\n"
    # ok: KL301
    send_email(merchant.email, f"{merchant.name} is live with Vipps MobilePay", welcome)
    pos_setup = f"To pair your POS terminal, enter:\n  Client ID: {settings.PARTNER_CLIENT_ID}\n  Subscription key: {settings.PARTNER_SUBSCRIPTION_KEY}\n"
    # ruleid: KL301
    send_email(merchant.email, "POS terminal setup", pos_setup)


def main():
    logging.basicConfig(level=logging.INFO)
    token = management_token()
    for merchant in models.awaiting_product_order():
        order_epayment(token, merchant)
    for merchant in models.awaiting_activation():
        activate(token, merchant)


if __name__ == "__main__":
    main()
