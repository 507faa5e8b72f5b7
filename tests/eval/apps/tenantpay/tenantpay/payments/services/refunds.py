"""Refunds, from the merchant dashboard and from returns."""
from __future__ import annotations

from django.db import transaction

from tenantpay.payments.models import Order, Refund
from tenantpay.payments.vipps.factory import epayment_client


class RefundService:
    def __init__(self, merchant, client=None):
        self.merchant = merchant
        self.client = client or epayment_client(merchant)

    @transaction.atomic
    def refund(self, order: Order, amount_ore: int, *, msn: str, reason: str = "") -> Refund:
        key = f"refund-{order.reference}-{order.refunds.count() + 1}"
        self.client.refund(order.reference, {"currency": order.currency, "value": amount_ore}, idempotency_key=key, msn=msn)
        order.state = Order.State.REFUNDED
        order.save(update_fields=["state"])
        return Refund.objects.create(order=order, amount_ore=amount_ore, reason=reason, idempotency_key=key)

    def cancel(self, order: Order) -> None:
        self.client.cancel(order.reference, idempotency_key=f"cancel-{order.reference}")
        order.state = Order.State.CANCELLED
        order.save(update_fields=["state"])
