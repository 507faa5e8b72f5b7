"""ePayment API: create, read, capture, refund and cancel payments."""
from __future__ import annotations

from tenantpay.payments.vipps.client import VippsClient
from tenantpay.payments.vipps.constants import EPAYMENT_PATH


class EPaymentClient(VippsClient):
    def create_payment(self, payload: dict, *, msn: str, idempotency_key: str) -> dict:
        # ok: KL503, KL501
        resp = self.session.post(
            f"{self.base_url}{EPAYMENT_PATH}",
            json=payload,
            headers=self._headers(msn=msn, idempotency_key=idempotency_key),
            timeout=15,
        )
        return self._json(resp)

    def get_payment(self, reference: str, *, msn: str) -> dict:
        # ok: KL503
        resp = self.session.get(f"{self.base_url}{EPAYMENT_PATH}/{reference}", headers=self._headers(msn=msn), timeout=10)
        return self._json(resp)

    def payment_events(self, reference: str, msn: str | None = None) -> list:
        url = f"{self.base_url}{EPAYMENT_PATH}/{reference}/events"
        if self.keys.is_merchant:
            # Own keys belong to exactly one sales unit: no MSN header.
            # ok: KL503
            resp = self.session.get(url, headers=self._headers(), timeout=10)
        else:
            # ok: KL503
            resp = self.session.get(url, headers=self._headers(msn=msn), timeout=10)
        return self._json(resp)

    def capture(self, reference: str, amount: dict, *, msn: str, idempotency_key: str) -> dict:
        # ok: KL503
        resp = self.session.post(
            f"{self.base_url}{EPAYMENT_PATH}/{reference}/capture",
            json={"modificationAmount": amount},
            headers=self._headers(msn=msn, idempotency_key=idempotency_key),
            timeout=15,
        )
        return self._json(resp)

    def refund(self, reference: str, amount: dict, *, idempotency_key: str, msn: str | None = None) -> dict:
        # ruleid: KL503
        resp = self.session.post(
            f"{self.base_url}{EPAYMENT_PATH}/{reference}/refund",
            json={"modificationAmount": amount},
            headers=self._headers(msn=msn, idempotency_key=idempotency_key),
            timeout=15,
        )
        return self._json(resp)

    def cancel(self, reference: str, *, idempotency_key: str) -> dict:
        # ruleid: KL503
        resp = self.session.post(
            f"{self.base_url}{EPAYMENT_PATH}/{reference}/cancel",
            headers=self._headers(idempotency_key=idempotency_key),
            timeout=15,
        )
        return self._json(resp)
