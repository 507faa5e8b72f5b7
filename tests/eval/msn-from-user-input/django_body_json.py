# eval: vulnerable
import json

import requests
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def start_payment(request):
    payload = json.loads(request.body)
    headers = {
        "Authorization": f"Bearer {access_token()}",
        # ruleid: KL201
        "Merchant-Serial-Number": payload["msn"],
    }
    resp = requests.post("https://api.vipps.no/epayment/v1/payments", headers=headers, json=payload["payment"])
    return JsonResponse(resp.json())
