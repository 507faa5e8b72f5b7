# eval: safe
# The same lookup, scoped to the logged-in merchant's own sales units.
import requests
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from shop.models import SalesUnit


@login_required
def capture(request, reference):
    unit = SalesUnit.objects.get(pk=request.POST["unit"], merchant=request.user.merchant)
    headers = {"Authorization": f"Bearer {settings.VIPPS_TOKEN_CACHE.get()}",
               "Ocp-Apim-Subscription-Key": settings.VIPPS_PARTNER_SUBSCRIPTION_KEY}
    headers["Merchant-Serial-Number"] = unit.msn
    resp = requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers=headers,
                         json={"modificationAmount": {"currency": "NOK", "value": int(request.POST["amount"])}})
    return JsonResponse(resp.json())
