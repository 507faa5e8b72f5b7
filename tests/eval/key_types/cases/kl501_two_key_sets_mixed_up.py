"""Reporting service of a partner that is also an accounting partner.

It holds two separate key sets; ledgers are read with the accounting keys, but
the fee lookup was written against the partner token by mistake.
"""
import os

import requests

API = "https://api.vipps.no"

partner_keys = {
    "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
    "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
    "subscription_key": os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"],
}
accounting_keys = (os.environ["VIPPS_ACCOUNTING_CLIENT_ID"], os.environ["VIPPS_ACCOUNTING_CLIENT_SECRET"])


def partner_token() -> str:
    r = requests.post(f"{API}/accesstoken/get", timeout=10, headers={
        "client_id": partner_keys["client_id"],
        "client_secret": partner_keys["client_secret"],
        "Ocp-Apim-Subscription-Key": partner_keys["subscription_key"],
    })
    return r.json()["access_token"]


def accounting_token() -> str:
    r = requests.post(f"{API}/miami/v1/token", auth=accounting_keys,
                      data={"grant_type": "client_credentials"}, timeout=10)
    return r.json()["access_token"]


def ledgers(msn: str) -> list:
    # ok: KL501
    r = requests.get(f"{API}/settlement/v1/ledgers", params={"msn": msn},
                     headers={"Authorization": f"Bearer {accounting_token()}"}, timeout=30)
    return r.json()["items"]


def fees(ledger_id: str, day: str) -> list:
    # ruleid: KL501
    r = requests.get(f"{API}/report/v2/ledgers/{ledger_id}/fees/dates/{day}",
                     headers={"Authorization": f"Bearer {partner_token()}",
                              "Ocp-Apim-Subscription-Key": partner_keys["subscription_key"]}, timeout=30)
    return r.json()["items"]
