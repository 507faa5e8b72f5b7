# eval: vulnerable
# An admin action with an intermediate form: the MSN it posts is whatever the browser sends.
import requests
from django.conf import settings
from django.contrib import admin, messages

from shop.models import SalesUnit


@admin.register(SalesUnit)
class SalesUnitAdmin(admin.ModelAdmin):
    list_display = ["msn", "name", "merchant"]
    actions = ["register_webhook"]

    @admin.action(description="Register the payment webhook")
    def register_webhook(self, request, queryset):
        headers = {"Authorization": f"Bearer {settings.VIPPS_TOKEN_CACHE.get()}",
                   "Ocp-Apim-Subscription-Key": settings.VIPPS_PARTNER_SUBSCRIPTION_KEY}
        # ruleid: KL201
        headers["Merchant-Serial-Number"] = request.POST["msn"]
        requests.post("https://api.vipps.no/webhooks/v1/webhooks", headers=headers,
                      json={"url": settings.WEBHOOK_URL, "events": ["epayments.payment.captured.v1"]})
        messages.success(request, f"Registered {queryset.count()} webhook(s).")
