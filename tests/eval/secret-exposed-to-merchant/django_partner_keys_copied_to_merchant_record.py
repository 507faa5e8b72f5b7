# eval: vulnerable
# Onboarding "pre-fills" a new merchant's key fields with the partner keys, so the merchant's
# own-keys download (which shows the merchant's own record) hands out the partner keys. The
# finding is where the partner key is written into the merchant's record.
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


def onboard(merchant):
    merchant.vipps_client_id = settings.VIPPS_PARTNER_CLIENT_ID
    # ruleid: KL301
    merchant.vipps_client_secret = settings.VIPPS_PARTNER_CLIENT_SECRET
    merchant.save(update_fields=["vipps_client_id", "vipps_client_secret"])


@login_required
def own_keys_json(request):
    merchant = request.merchant
    return JsonResponse({"client_id": merchant.vipps_client_id, "client_secret": merchant.vipps_client_secret})
