"""Creates merchant-redirect QR codes for table ordering (partner keys)."""
import os

import requests

API_BASE = "https://api.vipps.no"
SUB_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]


def get_partner_token() -> str:
    r = requests.post(f"{API_BASE}/accesstoken/get", timeout=10, headers={
        "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": SUB_KEY,
    })
    r.raise_for_status()
    return r.json()["access_token"]


def create_table_qr(token: str, table_id: str, menu_url: str) -> str:
    # ruleid: KL503
    r = requests.post(
        f"{API_BASE}/qr/v1/merchant-redirect",
        headers={"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": SUB_KEY,
                 "Accept": "image/svg+xml"},
        json={"id": table_id, "redirectUrl": menu_url},
        timeout=15,
    )
    r.raise_for_status()
    return r.json()["url"]


def create_all(tables: dict) -> dict:
    token = get_partner_token()
    return {table_id: create_table_qr(token, table_id, url) for table_id, url in tables.items()}
