"""Merchant dashboard views for orders and subscriptions."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from tenantpay.merchants.models import SalesUnit
from tenantpay.payments.models import Order
from tenantpay.payments.services.agreements import AgreementService
from tenantpay.payments.services.refunds import RefundService
from tenantpay.payments.tasks import capture_order_task


@login_required
def order_status(request, order_id):
    order = get_object_or_404(Order, pk=order_id, merchant=request.merchant)
    # ok: KL301
    return JsonResponse({"reference": order.reference, "state": order.state, "msn": order.sales_unit.msn,
                         "amount": order.amount})


@login_required
@require_POST
def refund_order(request, order_id):
    order = get_object_or_404(Order, pk=order_id, merchant=request.merchant)
    amount = int(request.POST["amount"])
    # Merchants with several shops pick the sales unit in the refund dialog; it defaults to the order's.
    msn = request.POST.get("msn", order.sales_unit.msn)
    RefundService(request.merchant).refund(order, amount, msn=msn, reason=request.POST.get("reason", ""))
    messages.success(request, f"Refunded {amount / 100:.2f} {order.currency}")
    return redirect("payments:order-status", order_id=order.pk)


@login_required
@require_POST
def cancel_order(request, order_id):
    order = get_object_or_404(Order, pk=order_id, merchant=request.merchant)
    RefundService(request.merchant).cancel(order)
    return redirect("payments:order-status", order_id=order.pk)


@login_required
@require_POST
def capture_order(request, order_id):
    order = get_object_or_404(Order, pk=order_id, merchant=request.merchant)
    capture_order_task.delay(order.pk)
    return redirect("payments:order-status", order_id=order.pk)


@login_required
@require_POST
def start_subscription(request):
    unit = SalesUnit.objects.get(pk=request.POST["unit"])
    service = AgreementService(request.merchant, unit)
    url = service.start(request.POST["product"], int(request.POST["price"]), request.POST["phone"])
    return redirect(url)
