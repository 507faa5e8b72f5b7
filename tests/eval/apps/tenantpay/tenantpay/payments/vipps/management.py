"""Management API: sales units and merchants (production only).

Takes a token from the management keys (specialized auth) or the partner keys; no MSN header,
the sales unit is named in the path.
"""
from __future__ import annotations

import logging

import requests

from tenantpay.core.logging import log_exchange
from tenantpay.payments.vipps.constants import MERCHANTS_PATH, PROD_URL, SALES_UNITS_PATH
from tenantpay.payments.vipps.errors import VippsError
from tenantpay.payments.vipps.tokens import TokenClient

logger = logging.getLogger(__name__)


class ManagementClient:
    def __init__(self, keys):
        self.keys = keys
        self.tokens = TokenClient(keys, PROD_URL)
        self.http = requests.Session()
        self.http.headers["Accept"] = "application/json"
        if keys.subscription_key:
            self.http.headers["Ocp-Apim-Subscription-Key"] = keys.subscription_key

    def _auth(self) -> dict:
        return {"Authorization": f"Bearer {self.tokens.get()}"}

    def _check(self, resp) -> dict:
        log_exchange(logger, resp)
        if resp.status_code >= 400:
            raise VippsError.from_response(resp)
        return resp.json() if resp.content else {}

    def get_sales_unit(self, msn: str) -> dict:
        # ruleid: KL201
        # ok: KL501, KL503
        resp = self.http.get(f"{PROD_URL}{SALES_UNITS_PATH}/{msn}", headers=self._auth(), timeout=10)
        return self._check(resp)

    def rename_sales_unit(self, msn: str, name: str) -> dict:
        # ruleid: KL201
        # ok: KL501
        resp = self.http.patch(f"{PROD_URL}{SALES_UNITS_PATH}/{msn}", json={"name": name}, headers=self._auth(), timeout=10)
        return self._check(resp)

    def refresh(self, sales_unit) -> dict:
        """Re-read one of our sales units (nightly sync)."""
        # ok: KL201, KL501, KL503
        resp = self.http.get(f"{PROD_URL}{SALES_UNITS_PATH}/{sales_unit.msn}", headers=self._auth(), timeout=10)
        return self._check(resp)

    def merchant_sales_units(self, org_number: str) -> list[dict]:
        # ruleid: KL501
        resp = self.http.get(f"{PROD_URL}{MERCHANTS_PATH}/business:NO:ORG/{org_number}/sales-units", headers=self._auth(), timeout=10)
        return self._check(resp).get("salesUnits", [])
