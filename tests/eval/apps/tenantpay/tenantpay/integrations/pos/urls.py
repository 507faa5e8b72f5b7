from django.urls import path

from tenantpay.integrations.pos import views

urlpatterns = [
    path("pair/", views.PairDeviceView.as_view()),
    path("payments/", views.PosPaymentView.as_view()),
    path("vipps-token/", views.PosTokenView.as_view()),
]
