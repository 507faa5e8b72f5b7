# eval: safe
import requests
from django.http import JsonResponse


def sales_unit(request):
    msn = request.user.merchant.msn
    resp = requests.get(f"{API}/management/v1/sales-units/{msn}", headers=partner_headers())
    return JsonResponse(resp.json())
