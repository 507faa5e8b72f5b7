# eval: safe
from django.conf import settings
from django.http import JsonResponse


def key_status(request):
    return JsonResponse({"subscriptionKey": settings.VIPPS_SUBSCRIPTION_KEY[:4] + "…", "clientIdSet": bool(settings.VIPPS_CLIENT_ID)})
