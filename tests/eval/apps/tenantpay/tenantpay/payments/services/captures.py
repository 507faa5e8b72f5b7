"""Capturing authorized payments when the shop ships."""
from __future__ import annotations

import logging

from tenantpay.payments.models import Order
from tenantpay.payments.vipps.errors import VippsError
from tenantpay.payments.vipps.factory import epayment_client

logger = logging.getLogger(__name__)


class CaptureService:
    def __init__(self, merchant):
        self.merchant = merchant
        self.client = epayment_client(merchant)

    def capture(self, order: Order, amount_ore: int | None = None) -> dict:
        amount = {"currency": order.currency, "value": amount_ore or order.amount_ore}
        try:
            result = self.client.capture(
                order.reference, amount, msn=order.sales_unit.msn, idempotency_key=f"capture-{order.reference}"
            )
        except VippsError as exc:
            # ok: KL401
            logger.warning("capture of %s failed with %s: %s", order.reference, exc.status, exc.problem.get("title"))
            raise
        order.state = Order.State.CAPTURED
        order.save(update_fields=["state"])
        return result

    def events(self, order: Order) -> list:
        return self.client.payment_events(order.reference, msn=order.sales_unit.msn)
