"""The merchant's Vipps MobilePay settings in the dashboard."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render

from tenantpay.core.permissions import can_act_for
from tenantpay.core.redaction import mask
from tenantpay.merchants.forms import OwnKeysForm, QrForm, SalesUnitNameForm
from tenantpay.merchants.models import SalesUnit
from tenantpay.payments.services.webhooks import known_webhooks
from tenantpay.payments.vipps.factory import keys_for, main_client, management_client


@login_required
def vipps_settings(request):
    merchant = request.merchant
    keys = keys_for(merchant)
    context = {
        "merchant": merchant,
        "sales_units": merchant.sales_units.all(),
        "key_set": {"name": keys.name, "kind": keys.kind, "fingerprint": keys.fingerprint(),
                    "client_id": mask(keys.client_id)},
        "webhooks": known_webhooks(merchant),
    }
    # ok: KL301
    return render(request, "merchants/vipps_settings.html", context)


@login_required
def developer_settings(request):
    """For merchants who build their own frontend: everything they need to call Vipps MobilePay."""
    merchant = request.merchant
    context = {"merchant": merchant, "vipps": keys_for(merchant), "sales_unit": merchant.primary_sales_unit}
    # ruleid: KL301
    return render(request, "merchants/developer.html", context)


@login_required
def own_keys(request):
    merchant = request.merchant
    credentials = getattr(merchant, "vipps_credentials", None)
    form = OwnKeysForm(request.POST or None, instance=credentials)
    if request.method == "POST" and form.is_valid():
        creds = form.save(commit=False)
        creds.merchant = merchant
        creds.save()
        merchant.uses_own_keys = True
        merchant.save(update_fields=["uses_own_keys"])
        messages.success(request, "Your Vipps MobilePay keys are saved.")
        return redirect("merchants:vipps-settings")
    # ok: KL301
    return render(request, "merchants/own_keys.html", {"form": form, "credentials": credentials})


@login_required
def own_keys_json(request):
    """Merchants who brought their own keys can download them again for their other systems."""
    creds = request.merchant.vipps_credentials
    # ok: KL301
    return JsonResponse({"client_id": creds.client_id, "client_secret": creds.client_secret,
                         "subscription_key": creds.subscription_key})


@login_required
def rename_sales_unit(request, msn):
    unit = get_object_or_404(SalesUnit, msn=msn)
    form = SalesUnitNameForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        form.save()
        management_client().rename_sales_unit(unit.msn, form.cleaned_data["name"])
        return redirect("merchants:vipps-settings")
    return render(request, "merchants/rename_sales_unit.html", {"form": form, "unit": unit})


@login_required
def create_qr(request):
    form = QrForm(request.POST)
    if not form.is_valid():
        return JsonResponse(form.errors, status=400)
    msn = form.cleaned_data["msn"]
    if not can_act_for(request.user, msn):
        raise PermissionDenied("not your sales unit")
    qr = main_client("qr", request.merchant).create_redirect(msn, form.cleaned_data["qr_id"], form.cleaned_data["redirect_url"])
    return JsonResponse({"url": qr.get("url")})


@login_required
def update_qr(request, qr_id):
    form = QrForm(request.POST)
    if not form.is_valid():
        return JsonResponse(form.errors, status=400)
    msn = form.cleaned_data["msn"]
    if not can_act_for(request.user, msn):
        messages.error(request, "You can only change QR codes of your own shops.")
    qr = main_client("qr", request.merchant).update_redirect(msn, qr_id, form.cleaned_data["redirect_url"])
    return JsonResponse({"url": qr.get("url")})
