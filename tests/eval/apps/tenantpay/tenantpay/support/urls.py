from django.urls import path

from tenantpay.support import views

urlpatterns = [
    path("health/", views.health),
    path("debug-bundle/", views.debug_bundle),
]
