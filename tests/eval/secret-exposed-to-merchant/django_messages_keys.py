# eval: vulnerable
# Django messages: the onboarding page confirms the keys by showing them.
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect


def connect_vipps(request):
    shop = request.user.shop
    shop.vipps_connected = True
    shop.save()
    # ruleid: KL301
    messages.success(request, f"Connected with client id {settings.VIPPS_CLIENT_ID} and secret {settings.VIPPS_CLIENT_SECRET}")
    return redirect("shop-settings")
