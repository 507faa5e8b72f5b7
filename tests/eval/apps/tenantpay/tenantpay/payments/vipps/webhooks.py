"""Webhooks API: register and list the webhooks of a sales unit."""
from __future__ import annotations

from tenantpay.payments.vipps.client import VippsClient
from tenantpay.payments.vipps.constants import MSN_HEADER, WEBHOOKS_PATH


class WebhooksClient(VippsClient):
    def register(self, sales_unit, url: str, events: list[str]) -> dict:
        """Returns {"id": ..., "secret": ...}; the secret signs every callback."""
        headers = self._headers()
        # ok: KL201
        headers[MSN_HEADER] = sales_unit.msn
        # ok: KL503
        resp = self.session.post(f"{self.base_url}{WEBHOOKS_PATH}", json={"url": url, "events": events}, headers=headers, timeout=10)
        return self._json(resp)

    def list(self) -> list[dict]:
        # ruleid: KL503
        resp = self.session.get(f"{self.base_url}{WEBHOOKS_PATH}", headers=self._headers(), timeout=10)
        return self._json(resp).get("webhooks", [])

    def delete(self, sales_unit, webhook_id: str) -> None:
        # ok: KL503
        resp = self.session.delete(
            f"{self.base_url}{WEBHOOKS_PATH}/{webhook_id}", headers=self._headers(msn=sales_unit.msn), timeout=10
        )
        self._json(resp)
