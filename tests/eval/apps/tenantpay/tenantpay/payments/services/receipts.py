"""Receipts in the customer's app once an order is captured."""
from __future__ import annotations

from tenantpay.payments.models import Order
from tenantpay.payments.vipps.factory import main_client


def send_receipt(order: Order) -> dict:
    lines = [
        {"name": line.title, "id": str(line.pk), "totalAmount": line.total_ore, "totalAmountExcludingTax": line.net_ore,
         "totalTaxAmount": line.tax_ore, "taxPercentage": line.tax_percent}
        for line in order.lines.all()
    ]
    receipt = {"orderLines": lines, "bottomLine": {"currency": order.currency}}
    client = main_client("receipts", order.merchant)
    return client.add_receipt(order.reference, receipt, msn=order.sales_unit.msn)
