"""Accounting partner: download daily funds for every ledger a merchant consented to."""
import os

import requests

BASE_URL = "https://api.vipps.no"
ACCOUNTING_CLIENT_ID = os.environ["ACCOUNTING_CLIENT_ID"]
ACCOUNTING_CLIENT_SECRET = os.environ["ACCOUNTING_CLIENT_SECRET"]


def get_accounting_token() -> str:
    # ok: KL501
    resp = requests.post(
        BASE_URL + "/miami/v1/token",
        auth=(ACCOUNTING_CLIENT_ID, ACCOUNTING_CLIENT_SECRET),
        data={"grant_type": "client_credentials"},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def export_day(msn: str, day: str) -> dict:
    headers = {"Authorization": "Bearer " + get_accounting_token()}
    # ok: KL501
    ledgers = requests.get(BASE_URL + "/settlement/v1/ledgers", params={"msn": msn}, headers=headers, timeout=30)
    ledgers.raise_for_status()
    out = {}
    for ledger in ledgers.json()["items"]:
        lid = ledger["ledgerId"]
        # ok: KL501
        funds = requests.get(f"{BASE_URL}/report/v2/ledgers/{lid}/funds/dates/{day}", headers=headers, timeout=30)
        funds.raise_for_status()
        out[lid] = funds.json()["items"]
    return out
