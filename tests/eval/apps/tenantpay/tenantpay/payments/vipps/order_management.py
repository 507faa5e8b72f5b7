"""Order Management API: receipts shown in the customer's Vipps MobilePay app."""
from __future__ import annotations

from tenantpay.payments.vipps.client import VippsClient
from tenantpay.payments.vipps.constants import MSN_HEADER, RECEIPTS_PATH


class OrderManagementClient(VippsClient):
    def add_receipt(self, reference: str, receipt: dict, *, msn: str) -> dict:
        headers = {
            "Authorization": f"Bearer {self.tokens.get()}",
            # ok: KL201
            MSN_HEADER: msn,
        }
        # ok: KL503
        resp = self.session.post(f"{self.base_url}{RECEIPTS_PATH}/{reference}", json=receipt, headers=headers, timeout=10)
        return self._json(resp)
