"""Nightly import of settlement ledgers (Report API)."""
import requests
from django.conf import settings

from shop.payments.keys import KEY_SETS


def report_token() -> str:
    keys = KEY_SETS[settings.REPORT_KEYSET]
    resp = requests.post(f"{settings.VIPPS_BASE_URL}/miami/v1/token", auth=(keys["client_id"], keys["client_secret"]),
                         data={"grant_type": "client_credentials"}, timeout=10)
    resp.raise_for_status()
    return resp.json()["access_token"]


def ledgers(msn: str) -> list:
    # ruleid: KL501
    resp = requests.get(f"{settings.VIPPS_BASE_URL}/settlement/v1/ledgers", params={"msn": msn},
                        headers={"Authorization": f"Bearer {report_token()}"}, timeout=20)
    return resp.json()["items"]
