"""Recurring API v3: agreements and charges for one sales unit.

A RecurringClient is bound to one sales unit: the MSN goes on the session once.
"""
from __future__ import annotations

from tenantpay.payments.vipps.client import VippsClient
from tenantpay.payments.vipps.constants import MSN_HEADER, RECURRING_PATH


class RecurringClient(VippsClient):
    def __init__(self, keys, *, msn: str, **kwargs):
        super().__init__(keys, **kwargs)
        self.msn = msn
        # ruleid: KL201
        self.session.headers[MSN_HEADER] = msn

    def _auth(self, idempotency_key: str | None = None) -> dict:
        headers = {"Authorization": f"Bearer {self.tokens.get()}"}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        return headers

    def create_agreement(self, agreement: dict, idempotency_key: str) -> dict:
        # ok: KL503
        resp = self.session.post(f"{self.base_url}{RECURRING_PATH}", json=agreement, headers=self._auth(idempotency_key), timeout=15)
        return self._json(resp)

    def create_charge(self, agreement_id: str, charge: dict, idempotency_key: str) -> dict:
        # ok: KL503
        resp = self.session.post(
            f"{self.base_url}{RECURRING_PATH}/{agreement_id}/charges",
            json=charge,
            headers=self._auth(idempotency_key),
            timeout=15,
        )
        return self._json(resp)

    def stop_agreement(self, agreement_id: str, idempotency_key: str) -> dict:
        # ok: KL503
        resp = self.session.patch(
            f"{self.base_url}{RECURRING_PATH}/{agreement_id}",
            json={"status": "STOPPED"},
            headers=self._auth(idempotency_key),
            timeout=15,
        )
        return self._json(resp)
