# eval: safe
# Django messages: the onboarding page confirms the connection without any key.
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect


def connect_vipps(request):
    shop = request.user.shop
    shop.vipps_connected = True
    shop.save()
    messages.success(request, f"Connected to Vipps MobilePay (sales unit {shop.msn}, secret set: {bool(settings.VIPPS_CLIENT_SECRET)})")
    return redirect("shop-settings")
