"""Report API: settlement ledgers, funds and fees (production only)."""
from __future__ import annotations

import datetime as dt

from tenantpay.payments.vipps.client import VippsClient
from tenantpay.payments.vipps.constants import LEDGERS_PATH, PROD_URL, REPORT_PATH


class ReportClient(VippsClient):
    def __init__(self, keys, **kwargs):
        super().__init__(keys, base_url=PROD_URL, **kwargs)

    def ledgers(self, msn: str) -> list[dict]:
        # ruleid: KL201
        # ok: KL501
        resp = self.session.get(f"{self.base_url}{LEDGERS_PATH}", params={"msn": msn}, headers=self._headers(), timeout=20)
        return self._json(resp).get("items", [])

    def funds_feed(self, ledger_id: str, cursor: str = "") -> dict:
        # ruleid: KL501
        resp = self.session.get(
            f"{self.base_url}{REPORT_PATH}/{ledger_id}/funds/feed",
            params={"cursor": cursor, "includeGDPRSensitiveData": "false"},
            headers=self._headers(),
            timeout=30,
        )
        return self._json(resp)

    def fees(self, ledger_id: str, date: dt.date) -> dict:
        # ruleid: KL501
        resp = self.session.get(f"{self.base_url}{REPORT_PATH}/{ledger_id}/fees/dates/{date.isoformat()}", headers=self._headers(), timeout=30)
        return self._json(resp)
