"""Onboarding back office: inspect a sales unit and order ePayment for a new merchant."""
import os

import httpx

MANAGEMENT_CLIENT_ID = os.environ["MANAGEMENT_CLIENT_ID"]
MANAGEMENT_CLIENT_SECRET = os.environ["MANAGEMENT_CLIENT_SECRET"]


class ManagementClient:
    def __init__(self, base_url: str = "https://api.vipps.no"):
        self.base_url = base_url
        self._http = httpx.Client(timeout=15)
        self._token = None

    def _auth(self) -> dict:
        if self._token is None:
            resp = self._http.post(
                f"{self.base_url}/miami/v1/token",
                auth=(MANAGEMENT_CLIENT_ID, MANAGEMENT_CLIENT_SECRET),
                data={"grant_type": "client_credentials"},
            )
            resp.raise_for_status()
            self._token = resp.json()["access_token"]
        return {"Authorization": f"Bearer {self._token}"}

    def sales_unit(self, msn: str) -> dict:
        # ok: KL501
        resp = self._http.get(f"{self.base_url}/management/v1/sales-units/{msn}", headers=self._auth())
        resp.raise_for_status()
        return resp.json()

    def order_epayment(self, org_no: str, website: str) -> str:
        body = {"businessIdentifier": {"scheme": "business:NO:ORG", "id": org_no},
                "productType": "VIPPS_PA_NETT", "salesUnitName": website,
                "complianceData": {"websiteUrl": website}}
        # ok: KL501
        resp = self._http.post(f"{self.base_url}/management/v1/product-orders", json=body, headers=self._auth())
        resp.raise_for_status()
        return resp.json()["prefilledOnboardingUrl"]
