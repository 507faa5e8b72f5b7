"""Nightly settlement export for the ACME POS back office.

Lists the settlement ledgers of a merchant so finance can reconcile payouts.
"""
import os

import requests

API_BASE = "https://api.vipps.no"

PARTNER_CLIENT_ID = os.environ["VIPPS_PARTNER_CLIENT_ID"]
PARTNER_CLIENT_SECRET = os.environ["VIPPS_PARTNER_CLIENT_SECRET"]
PARTNER_SUBSCRIPTION_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]

SYSTEM_HEADERS = {"Vipps-System-Name": "acme-pos", "Vipps-System-Version": "4.2.0"}


def get_partner_token() -> str:
    # ok: KL501
    resp = requests.post(
        f"{API_BASE}/accesstoken/get",
        headers={
            "client_id": PARTNER_CLIENT_ID,
            "client_secret": PARTNER_CLIENT_SECRET,
            "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
            **SYSTEM_HEADERS,
        },
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def list_ledgers(msn: str) -> list:
    token = get_partner_token()
    # ruleid: KL501
    resp = requests.get(
        f"{API_BASE}/settlement/v1/ledgers",
        params={"msn": msn},
        headers={
            "Authorization": f"Bearer {token}",
            "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
            **SYSTEM_HEADERS,
        },
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()["items"]


if __name__ == "__main__":
    for ledger in list_ledgers(os.environ["REPORT_MSN"]):
        print(ledger["ledgerId"], ledger["currency"])
