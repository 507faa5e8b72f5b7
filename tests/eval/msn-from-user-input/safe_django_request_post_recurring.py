# eval: safe
# Django: the form POST gives the product; the MSN is read from the user's own merchant.
import requests
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@login_required
@require_POST
def create_agreement(request):
    msn = request.user.merchant.merchant_serial_number
    headers = {
        "Authorization": f"Bearer {vipps_token()}",
        "Ocp-Apim-Subscription-Key": settings.VIPPS_SUBSCRIPTION_KEY,
        "Merchant-Serial-Number": msn,
    }
    r = requests.post("https://api.vipps.no/recurring/v3/agreements", headers=headers, json=agreement_body(request.POST))
    return JsonResponse(r.json())
