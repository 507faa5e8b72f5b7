"""Callbacks from Vipps MobilePay: webhooks (HMAC-signed) and the Checkout callback."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging

from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from tenantpay.merchants.models import SalesUnit
from tenantpay.payments.models import Order

logger = logging.getLogger(__name__)


def _valid_signature(request, secret: str) -> bool:
    content_hash = base64.b64encode(hashlib.sha256(request.body).digest()).decode()
    signed = "\n".join([
        request.method,
        request.get_full_path(),
        request.headers["x-ms-date"],
        content_hash,
        request.headers["host"],
    ])
    expected = base64.b64encode(hmac.new(secret.encode(), signed.encode(), hashlib.sha256).digest()).decode()
    auth = request.headers.get("authorization", "")
    return hmac.compare_digest(auth.rpartition("Signature=")[2], expected) and content_hash == request.headers.get("x-ms-content-sha256")


@csrf_exempt
@require_POST
def payment_event(request, msn):
    unit = get_object_or_404(SalesUnit.objects.select_related("webhook"), msn=msn)
    if not _valid_signature(request, unit.webhook.secret):
        # ok: KL401
        logger.warning("bad webhook signature for sales unit %s", msn)
        return HttpResponseForbidden()
    event = json.loads(request.body)
    Order.objects.filter(reference=event["reference"], sales_unit=unit).update(state=event["name"])
    return HttpResponse(status=204)


@csrf_exempt
@require_POST
def checkout_callback(request):
    event = json.loads(request.body)
    order = get_object_or_404(Order, reference=event["reference"])
    if not hmac.compare_digest(request.headers.get("Authorization", ""), order.callback_token):
        return HttpResponseForbidden()
    order.state = event["sessionState"]
    order.save(update_fields=["state"])
    return HttpResponse(status=204)
