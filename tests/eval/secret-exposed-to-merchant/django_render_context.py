# eval: vulnerable
from django.conf import settings
from django.shortcuts import render


def integration_page(request):
    context = {"merchant": request.user.merchant}
    context["client_id"] = settings.VIPPS_CLIENT_ID
    context["client_secret"] = settings.VIPPS_CLIENT_SECRET
    # ruleid: KL301
    return render(request, "integration.html", context)
