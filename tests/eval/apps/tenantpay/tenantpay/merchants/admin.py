"""Django admin for our staff."""
from django.contrib import admin, messages

from tenantpay.merchants.models import Membership, Merchant, SalesUnit
from tenantpay.onboarding.services import activate_sales_unit


class SalesUnitInline(admin.TabularInline):
    model = SalesUnit
    extra = 0
    fields = ["msn", "name", "primary", "report_consent"]


@admin.register(Merchant)
class MerchantAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "org_number", "uses_own_keys"]
    search_fields = ["name", "slug", "org_number"]
    inlines = [SalesUnitInline]


@admin.register(SalesUnit)
class SalesUnitAdmin(admin.ModelAdmin):
    list_display = ["msn", "name", "merchant", "primary", "report_consent"]
    actions = ["activate"]

    @admin.action(description="Activate on Vipps MobilePay (register webhook, mail the merchant)")
    def activate(self, request, queryset):
        for unit in queryset.select_related("merchant"):
            activate_sales_unit(unit)
        messages.success(request, f"Activated {queryset.count()} sales unit(s).")


admin.site.register(Membership)
