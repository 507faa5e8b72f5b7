from django.urls import path

from tenantpay.merchants import views

app_name = "merchants"
urlpatterns = [
    path("vipps/", views.vipps_settings, name="vipps-settings"),
    path("vipps/developer/", views.developer_settings, name="developer"),
    path("vipps/own-keys/", views.own_keys, name="own-keys"),
    path("vipps/own-keys.json", views.own_keys_json, name="own-keys-json"),
    path("sales-units/<str:msn>/rename/", views.rename_sales_unit, name="rename-sales-unit"),
    path("qr/", views.create_qr, name="create-qr"),
    path("qr/<str:qr_id>/", views.update_qr, name="update-qr"),
]
