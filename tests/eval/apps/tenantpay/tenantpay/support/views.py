"""Troubleshooting pages in the merchant dashboard."""
from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse

from tenantpay.payments.vipps.factory import epayment_client
from tenantpay.support.diagnostics import diagnose


@login_required
def health(request):
    # ok: KL301
    return JsonResponse(diagnose(request.merchant))


@login_required
def debug_bundle(request):
    """A file merchants attach when they open a ticket with their POS or webshop vendor."""
    client = epayment_client(request.merchant)
    bundle = {
        "merchant": request.merchant.slug,
        "sales_units": list(request.merchant.sales_units.values_list("msn", flat=True)),
        "base_url": client.base_url,
        "session_headers": dict(client.session.headers),
        "diagnostics": diagnose(request.merchant),
    }
    # ruleid: KL301
    response = HttpResponse(json.dumps(bundle, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="tenantpay-debug-{request.merchant.slug}.json"'
    return response
