from django.urls import path

from tenantpay.payments import views, webhook_views
from tenantpay.payments.api import views as api_views

app_name = "payments"
urlpatterns = [
    path("orders/<int:order_id>/", views.order_status, name="order-status"),
    path("orders/<int:order_id>/refund/", views.refund_order, name="refund"),
    path("orders/<int:order_id>/cancel/", views.cancel_order, name="cancel"),
    path("orders/<int:order_id>/capture/", views.capture_order, name="capture"),
    path("subscriptions/new/", views.start_subscription, name="start-subscription"),
    path("checkout/callback/", webhook_views.checkout_callback, name="checkout-callback"),
    path("webhooks/<str:msn>/", webhook_views.payment_event, name="webhook"),
    path("api/orders/<int:pk>/capture/", api_views.CaptureView.as_view(), name="api-capture"),
    path("api/orders/<int:pk>/", api_views.OrderDetailView.as_view(), name="api-order"),
    path("api/token/", api_views.TokenStatusView.as_view(), name="api-token"),
]
