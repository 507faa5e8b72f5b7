"""Starting a Vipps MobilePay Checkout for an order."""
from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from tenantpay.payments.models import Order
from tenantpay.payments.vipps.factory import checkout_client


class CheckoutService:
    def __init__(self, merchant):
        self.merchant = merchant
        self.client = checkout_client(merchant)

    def start(self, order: Order, *, msn: str) -> str:
        """Create the session and return the URL to send the customer to."""
        session = {
            "type": "PAYMENT",
            "reference": order.reference,
            "transaction": {"amount": order.amount, "paymentDescription": f"Order {order.reference}"},
            "merchantInfo": {
                "callbackUrl": settings.PUBLIC_BASE_URL + reverse("payments:checkout-callback"),
                "returnUrl": settings.PUBLIC_BASE_URL + reverse("payments:order-status", args=[order.pk]),
                "callbackAuthorizationToken": order.callback_token,
            },
        }
        result = self.client.create_session(session, msn=msn)
        return result["checkoutFrontendUrl"]

    def status(self, order: Order) -> dict:
        return self.client.get_session(order.reference, msn=order.sales_unit.msn)
