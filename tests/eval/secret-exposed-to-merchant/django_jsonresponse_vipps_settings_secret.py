# eval: vulnerable
# A merchant dashboard endpoint that returns the partner's secret from settings.
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


@login_required
def payment_settings(request):
    merchant = request.user.merchant
    # ruleid: KL301
    return JsonResponse({"msn": merchant.msn, "client_id": settings.VIPPS_CLIENT_ID, "client_secret": settings.VIPPS_CLIENT_SECRET})
