"""Settlement pages of the merchant dashboard."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render

from tenantpay.payments.vipps.keysets import keyset
from tenantpay.payments.vipps.report import ReportClient
from tenantpay.reporting.exports import settlement_csv
from tenantpay.reporting.models import SettlementLine


@login_required
def ledgers(request):
    """The ledgers of the selected shop (merchants with several shops switch in the header)."""
    msn = request.GET.get("msn") or request.merchant.primary_sales_unit.msn
    items = ReportClient(keyset("accounting")).ledgers(msn=msn)
    # ok: KL301
    return JsonResponse({"msn": msn, "ledgers": [{"id": i["ledgerId"], "currency": i["currency"]} for i in items]})


@login_required
def settlements(request):
    msn = request.GET.get("msn")
    lines = SettlementLine.objects.filter(sales_unit__merchant=request.merchant)
    if msn:
        lines = lines.filter(sales_unit__msn=msn)
    return render(request, "reporting/settlements.html", {"lines": lines.order_by("-ledger_date")[:500], "msn": msn})


@login_required
def settlements_csv(request):
    return settlement_csv(SettlementLine.objects.filter(sales_unit__merchant=request.merchant))
