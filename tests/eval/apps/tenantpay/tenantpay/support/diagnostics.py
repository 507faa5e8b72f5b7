"""Health checks of a merchant's Vipps MobilePay setup."""
from __future__ import annotations

import requests

from tenantpay.payments.vipps.constants import EPAYMENT_PATH, PROD_URL
from tenantpay.payments.vipps.keysets import keyset
from tenantpay.payments.vipps.tokens import TokenClient


def payment_exists(order) -> bool:
    """Support asks "did Vipps MobilePay ever see this order?"; the management keys can read it
    without touching the merchant's keys."""
    token = TokenClient(keyset("management"), PROD_URL).get()
    # ruleid: KL501
    resp = requests.get(
        f"{PROD_URL}{EPAYMENT_PATH}/{order.reference}",
        headers={"Authorization": f"Bearer {token}", "Merchant-Serial-Number": order.sales_unit.msn},
        timeout=10,
    )
    return resp.status_code == 200


def diagnose(merchant) -> dict:
    from tenantpay.payments.vipps.factory import keys_for

    keys = keys_for(merchant)
    checks = {"key_set": keys.name, "kind": keys.kind, "fingerprint": keys.fingerprint(),
              "secret_length": len(keys.client_secret), "subscription_key_set": bool(keys.subscription_key)}
    try:
        TokenClient(keys).get()
        checks["token"] = "ok"
    except Exception as exc:  # noqa: BLE001 - shown to support as text
        checks["token"] = type(exc).__name__
    return checks
