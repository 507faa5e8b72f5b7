"""Partner onboarding: order products for a new merchant via the Management API.
The Management API names the merchant in the path/body; no MSN header applies."""
import os

import httpx

PARTNER_SUBSCRIPTION_KEY = os.environ["PARTNER_SUBSCRIPTION_KEY"]


def _partner_token(client: httpx.Client) -> str:
    r = client.post("/accesstoken/get", headers={
        "client_id": os.environ["PARTNER_CLIENT_ID"],
        "client_secret": os.environ["PARTNER_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
    })
    r.raise_for_status()
    return r.json()["access_token"]


def order_product(org_no: str, sales_unit_name: str, website: str) -> str:
    with httpx.Client(base_url="https://api.vipps.no", timeout=15) as client:
        token = _partner_token(client)
        # ok: KL503
        r = client.post("/management/v1/product-orders", headers={
            "Authorization": f"Bearer {token}",
            "Ocp-Apim-Subscription-Key": PARTNER_SUBSCRIPTION_KEY,
        }, json={
            "businessIdentifier": {"scheme": "business:NO:ORG", "id": org_no},
            "productType": "VIPPS_PA_NETT",
            "salesUnitName": sales_unit_name,
            "complianceData": {"websiteUrl": website},
        })
        r.raise_for_status()
        return r.json()["prefilledOnboardingUrl"]
