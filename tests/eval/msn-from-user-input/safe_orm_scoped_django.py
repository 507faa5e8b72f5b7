# eval: safe
import requests
from django.http import JsonResponse


def capture(request, reference):
    merchant = Merchant.objects.get(owner=request.user, msn=request.POST["msn"])
    headers = {**partner_headers(), "Merchant-Serial-Number": merchant.msn}
    resp = requests.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=headers, json={})
    return JsonResponse(resp.json())
