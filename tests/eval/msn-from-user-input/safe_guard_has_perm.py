# eval: safe
import requests
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse


def sales_unit(request, msn):
    if not request.user.has_perm("shops.act_for_sales_unit", msn):
        raise PermissionDenied
    resp = requests.get(f"{API}/management/v1/sales-units/{msn}", headers=partner_headers())
    return JsonResponse(resp.json())
