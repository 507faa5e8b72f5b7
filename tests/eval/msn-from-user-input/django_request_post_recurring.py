# eval: vulnerable
# Django: a plain form POST names the sales unit of a new recurring agreement.
import requests
from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def create_agreement(request):
    msn = request.POST["merchant_serial_number"]
    headers = {
        "Authorization": f"Bearer {vipps_token()}",
        "Ocp-Apim-Subscription-Key": settings.VIPPS_SUBSCRIPTION_KEY,
        # ruleid: KL201
        "Merchant-Serial-Number": msn,
    }
    r = requests.post("https://api.vipps.no/recurring/v3/agreements", headers=headers, json=agreement_body(request.POST))
    return JsonResponse(r.json())
