"""Smoke tests against the Vipps MobilePay test environment (MT). Run before each release:

    VIPPS_SMOKE=1 pytest tests/integration
"""
import os
import uuid

import pytest
import requests

pytestmark = pytest.mark.skipif(not os.environ.get("VIPPS_SMOKE"), reason="set VIPPS_SMOKE=1 to call the test environment")

MT = "https://apitest.vipps.no"
MT_MSN = "231441"


def mt_token(client_id, client_secret, subscription_key):
    # ruleid: KL502
    resp = requests.post(
        f"{MT}/accesstoken/get",
        headers={"client_id": client_id, "client_secret": client_secret, "Ocp-Apim-Subscription-Key": subscription_key},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def merchant_token():
    # ok: KL502
    resp = requests.post(
        f"{MT}/accesstoken/get",
        headers={
            "client_id": os.environ["VIPPS_MT_MERCHANT_CLIENT_ID"],
            "client_secret": os.environ["VIPPS_MT_MERCHANT_CLIENT_SECRET"],
            "Ocp-Apim-Subscription-Key": os.environ["VIPPS_MT_MERCHANT_SUBSCRIPTION_KEY"],
        },
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def payment_body():
    return {"amount": {"currency": "NOK", "value": 100}, "paymentMethod": {"type": "WALLET"},
            "reference": f"smoke-{uuid.uuid4().hex[:12]}", "userFlow": "WEB_REDIRECT",
            "returnUrl": "https://staging.tenantpay.example/return"}


def test_partner_keys_can_create_a_payment():
    token = mt_token(
        os.environ["VIPPS_PARTNER_CLIENT_ID"],
        os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
        os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"],
    )
    # ruleid: KL502
    resp = requests.post(
        f"{MT}/epayment/v1/payments",
        headers={
            "Authorization": f"Bearer {token}",
            "Ocp-Apim-Subscription-Key": os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"],
            "Merchant-Serial-Number": MT_MSN,
            "Idempotency-Key": str(uuid.uuid4()),
        },
        json=payment_body(),
        timeout=15,
    )
    assert resp.status_code == 201, resp.text


def test_merchant_keys_can_create_a_payment():
    # ok: KL502, KL503
    resp = requests.post(
        f"{MT}/epayment/v1/payments",
        headers={
            "Authorization": f"Bearer {merchant_token()}",
            "Ocp-Apim-Subscription-Key": os.environ["VIPPS_MT_MERCHANT_SUBSCRIPTION_KEY"],
            "Idempotency-Key": str(uuid.uuid4()),
        },
        json=payment_body(),
        timeout=15,
    )
    assert resp.status_code == 201, resp.text
