# eval: vulnerable
from django.http import JsonResponse

from app.vipps_config import partner_keys


def pos_pairing(request):
    keys = partner_keys()
    # ruleid: KL301
    return JsonResponse({"msn": request.user.merchant.msn, "keys": keys})
