# eval: vulnerable
from django.conf import settings
from django.shortcuts import render


def integration(request):
    # settings.VIPPS = {"partner": {"client_id": ..., "client_secret": ..., "subscription_key": ...}}
    # ruleid: KL301
    return render(request, "integration.html", {"vipps": settings.VIPPS["partner"], "merchant": request.user.merchant})
