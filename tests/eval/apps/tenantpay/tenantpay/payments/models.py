"""Orders, payments, refunds, agreements and webhook subscriptions."""
from django.db import models
from fernet_fields import EncryptedCharField

from tenantpay.merchants.models import Merchant, SalesUnit


class Order(models.Model):
    class State(models.TextChoices):
        CREATED = "CREATED"
        AUTHORIZED = "AUTHORIZED"
        CAPTURED = "CAPTURED"
        RETURNED = "RETURNED"
        REFUNDED = "REFUNDED"
        CANCELLED = "CANCELLED"

    merchant = models.ForeignKey(Merchant, on_delete=models.PROTECT, related_name="orders")
    sales_unit = models.ForeignKey(SalesUnit, on_delete=models.PROTECT, related_name="orders")
    reference = models.CharField(max_length=50, unique=True)
    amount_ore = models.PositiveIntegerField()
    currency = models.CharField(max_length=3, default="NOK")
    state = models.CharField(max_length=12, choices=State.choices, default=State.CREATED)
    customer_phone = models.CharField(max_length=15, blank=True)
    callback_token = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    @property
    def amount(self) -> dict:
        return {"currency": self.currency, "value": self.amount_ore}


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    title = models.CharField(max_length=200)
    total_ore = models.PositiveIntegerField()
    net_ore = models.PositiveIntegerField()
    tax_ore = models.PositiveIntegerField()
    tax_percent = models.PositiveSmallIntegerField(default=25)


class Refund(models.Model):
    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="refunds")
    amount_ore = models.PositiveIntegerField()
    reason = models.CharField(max_length=200, blank=True)
    idempotency_key = models.CharField(max_length=80, unique=True)
    created = models.DateTimeField(auto_now_add=True)


class Agreement(models.Model):
    sales_unit = models.ForeignKey(SalesUnit, on_delete=models.PROTECT, related_name="agreements")
    vipps_id = models.CharField(max_length=40, blank=True)
    product_name = models.CharField(max_length=100)
    price_ore = models.PositiveIntegerField()
    interval = models.CharField(max_length=10, default="MONTH")
    status = models.CharField(max_length=10, default="PENDING")


class WebhookSubscription(models.Model):
    sales_unit = models.OneToOneField(SalesUnit, on_delete=models.CASCADE, related_name="webhook")
    vipps_id = models.CharField(max_length=40)
    secret = EncryptedCharField(max_length=100)
    events = models.JSONField(default=list)
