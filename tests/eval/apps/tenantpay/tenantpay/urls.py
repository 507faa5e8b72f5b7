"""Top-level URL configuration."""
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("merchant/", include("tenantpay.merchants.urls")),
    path("payments/", include("tenantpay.payments.urls")),
    path("reports/", include("tenantpay.reporting.urls")),
    path("pos/", include("tenantpay.integrations.pos.urls")),
    path("support/", include("tenantpay.support.urls")),
]
