# eval: safe
# The merchant sees the Vipps configuration with every key field filtered out.
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

SECRET_FIELDS = {"client_id", "client_secret", "subscription_key"}


@login_required
def vipps_config(request):
    shown = {name: value for name, value in settings.VIPPS.items() if name not in SECRET_FIELDS}
    return JsonResponse({"msn": request.user.merchant.msn, "vipps": shown})
