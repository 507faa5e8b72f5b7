# eval: safe
# A merchant who brought their own Vipps MobilePay keys downloads them again for their other
# systems: read off the logged-in merchant's own record, they are that merchant's keys.
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render


@login_required
def own_keys_json(request):
    creds = request.merchant.vipps_credentials
    return JsonResponse({"client_id": creds.client_id, "client_secret": creds.client_secret,
                         "subscription_key": creds.subscription_key})


@login_required
def own_keys_page(request):
    credentials = getattr(request.user.merchant, "vipps_credentials", None)
    return render(request, "merchants/own_keys.html", {"credentials": credentials})
