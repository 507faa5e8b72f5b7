# eval: vulnerable
# The sales unit is looked up by an id from the form, without scoping it to the logged-in merchant:
# any merchant can name another merchant's sales unit and act for it.
import requests
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from shop.models import SalesUnit


@login_required
def capture(request, reference):
    unit = SalesUnit.objects.get(pk=request.POST["unit"])
    headers = {"Authorization": f"Bearer {settings.VIPPS_TOKEN_CACHE.get()}",
               "Ocp-Apim-Subscription-Key": settings.VIPPS_PARTNER_SUBSCRIPTION_KEY}
    # ruleid: KL201
    headers["Merchant-Serial-Number"] = unit.msn
    resp = requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers=headers,
                         json={"modificationAmount": {"currency": "NOK", "value": int(request.POST["amount"])}})
    return JsonResponse(resp.json())
