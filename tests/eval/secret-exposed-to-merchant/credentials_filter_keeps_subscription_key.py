# eval: vulnerable
# The same view, but the filter forgot the subscription key.
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


@login_required
def vipps_config(request):
    shown = {name: value for name, value in settings.VIPPS.items() if name not in ("client_id", "client_secret")}
    # ruleid: KL301
    return JsonResponse({"msn": request.user.merchant.msn, "vipps": shown})
