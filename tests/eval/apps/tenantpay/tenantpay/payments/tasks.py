"""Background jobs for payments."""
from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task

from tenantpay.payments.models import Agreement, Order
from tenantpay.payments.services.agreements import AgreementService
from tenantpay.payments.services.captures import CaptureService
from tenantpay.payments.services.receipts import send_receipt
from tenantpay.payments.vipps.errors import VippsError
from tenantpay.payments.vipps.factory import epayment_client

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def capture_order_task(self, order_id: int):
    order = Order.objects.select_related("merchant", "sales_unit").get(pk=order_id)
    try:
        CaptureService(order.merchant).capture(order)
    except VippsError as exc:
        # ruleid: KL401
        logger.error("capture of order %s failed: %s", order.reference, exc)
        raise self.retry(exc=exc)
    send_receipt_task.delay(order.pk)


@shared_task
def send_receipt_task(order_id: int):
    send_receipt(Order.objects.select_related("merchant", "sales_unit").get(pk=order_id))


@shared_task
def refund_returned_orders():
    """Refund orders the warehouse marked as returned."""
    for order in Order.objects.filter(state=Order.State.RETURNED).select_related("merchant", "sales_unit"):
        client = epayment_client(order.merchant)
        client.refund(order.reference, order.amount, idempotency_key=f"return-{order.reference}")
        order.state = Order.State.REFUNDED
        order.save(update_fields=["state"])
        # ok: KL401
        logger.info("refunded returned order %s (%s) for sales unit %s", order.reference, order.amount_ore, order.sales_unit.msn)


@shared_task
def charge_agreements():
    """Monthly charges, created three days ahead as Recurring requires."""
    due = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    for agreement in Agreement.objects.filter(status="ACTIVE").select_related("sales_unit__merchant"):
        unit = agreement.sales_unit
        AgreementService(unit.merchant, unit).charge(agreement, due)
