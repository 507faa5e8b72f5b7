import requests

from shop.vipps.constants import API_URL, IDEMPOTENCY_HEADER, MSN_HEADER
from shop.vipps.tokens import access_token


def capture(msn, reference, amount, idempotency_key):
    headers = {"Authorization": f"Bearer {access_token()}", MSN_HEADER: msn}
    # ok: KL201
    headers[IDEMPOTENCY_HEADER] = idempotency_key
    resp = requests.post(f"{API_URL}/epayment/v1/payments/{reference}/capture", headers=headers,
                         json={"modificationAmount": {"currency": "NOK", "value": amount}}, timeout=10)
    resp.raise_for_status()
    return resp.json()
