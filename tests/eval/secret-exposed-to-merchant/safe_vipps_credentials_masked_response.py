# eval: safe
# The integration page shows which keys are configured through a masking helper, a length and a suffix.
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


def redact(value: str, keep: int = 4) -> str:
    return "•" * 8 + value[-keep:] if value else ""


@login_required
def vipps_integration(request):
    return JsonResponse({
        "msn": request.user.merchant.msn,
        "client_secret": redact(settings.VIPPS_CLIENT_SECRET),
        "subscription_key_length": len(settings.VIPPS_SUBSCRIPTION_KEY),
        "subscription_key_hint": settings.VIPPS_SUBSCRIPTION_KEY[-4:],
        "configured": bool(settings.VIPPS_CLIENT_SECRET),
    })
