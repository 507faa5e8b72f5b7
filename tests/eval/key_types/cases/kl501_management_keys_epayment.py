"""Create an ePayment from the onboarding tool (uses the management key set)."""
import os
import uuid

import httpx

BASE_URL = "https://api.vipps.no"
MANAGEMENT_CLIENT_ID = os.environ["VIPPS_MANAGEMENT_CLIENT_ID"]
MANAGEMENT_CLIENT_SECRET = os.environ["VIPPS_MANAGEMENT_CLIENT_SECRET"]


def management_token(client: httpx.Client) -> str:
    # ok: KL501
    resp = client.post(
        "/miami/v1/token",
        auth=(MANAGEMENT_CLIENT_ID, MANAGEMENT_CLIENT_SECRET),
        data={"grant_type": "client_credentials"},
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def create_payment(msn: str, reference: str, amount_ore: int, phone: str) -> str:
    with httpx.Client(base_url=BASE_URL, timeout=15) as client:
        token = management_token(client)
        # ruleid: KL501
        resp = client.post(
            "/epayment/v1/payments",
            headers={
                "Authorization": f"Bearer {token}",
                "Merchant-Serial-Number": msn,
                "Idempotency-Key": str(uuid.uuid4()),
                "Vipps-System-Name": "acme-onboarding",
            },
            json={
                "amount": {"currency": "NOK", "value": amount_ore},
                "paymentMethod": {"type": "WALLET"},
                "customer": {"phoneNumber": phone},
                "reference": reference,
                "userFlow": "PUSH_MESSAGE",
            },
        )
        resp.raise_for_status()
        return resp.json()["redirectUrl"]
