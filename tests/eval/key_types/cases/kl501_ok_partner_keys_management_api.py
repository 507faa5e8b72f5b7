"""Partner keys may use the Management API (standard auth, production)."""
import os

import requests

PROD = "https://api.vipps.no"
PARTNER_SUBSCRIPTION_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]


def get_partner_token() -> str:
    resp = requests.post(
        PROD + "/accesstoken/get",
        headers={
            "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
            "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
            "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
        },
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def sales_units_of(org_no: str) -> list:
    token = get_partner_token()
    # ok: KL501, KL503
    resp = requests.get(
        f"{PROD}/management/v1/merchants/business:NO:ORG/{org_no}/sales-units",
        headers={"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()["salesUnits"]


def products() -> list:
    token = get_partner_token()
    # ok: KL501, KL503
    resp = requests.get(
        f"{PROD}/management/v1/products",
        headers={"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()
