"""QR API: merchant redirect QR codes that point to a shop page."""
from __future__ import annotations

from tenantpay.payments.vipps.client import VippsClient
from tenantpay.payments.vipps.constants import MSN_HEADER, QR_REDIRECT_PATH


class QrClient(VippsClient):
    def create_redirect(self, msn: str, qr_id: str, redirect_url: str) -> dict:
        headers = self._headers()
        # ok: KL201
        headers[MSN_HEADER] = msn
        # ok: KL503
        resp = self.session.post(
            f"{self.base_url}{QR_REDIRECT_PATH}", json={"id": qr_id, "redirectUrl": redirect_url}, headers=headers, timeout=10
        )
        return self._json(resp)

    def update_redirect(self, msn: str, qr_id: str, redirect_url: str) -> dict:
        headers = self._headers()
        # ruleid: KL201
        headers[MSN_HEADER] = msn
        # ok: KL503
        resp = self.session.put(
            f"{self.base_url}{QR_REDIRECT_PATH}/{qr_id}", json={"redirectUrl": redirect_url}, headers=headers, timeout=10
        )
        return self._json(resp)
