# eval: safe
# A Django admin action gets (modeladmin, request, queryset): the sales units staff selected in the
# admin are the partner's own records, not input from a merchant.
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
        for unit in queryset.select_related("merchant"):
            headers = {"Authorization": f"Bearer {settings.VIPPS_TOKEN_CACHE.get()}",
                       "Ocp-Apim-Subscription-Key": settings.VIPPS_PARTNER_SUBSCRIPTION_KEY}
            # ok: KL201
            headers["Merchant-Serial-Number"] = unit.msn
            requests.post("https://api.vipps.no/webhooks/v1/webhooks", headers=headers,
                          json={"url": settings.WEBHOOK_URL, "events": ["epayments.payment.captured.v1"]})
        messages.success(request, f"Registered {queryset.count()} webhook(s).")
