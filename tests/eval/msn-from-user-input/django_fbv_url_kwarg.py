# eval: vulnerable
import requests
from django.http import JsonResponse
from django.contrib.auth.decorators import login_required


@login_required
def sales_unit_detail(request, msn):
    # ruleid: KL201
    resp = requests.get(f"https://api.vipps.no/management/v1/sales-units/{msn}", headers=partner_headers(), timeout=10)
    return JsonResponse(resp.json())
