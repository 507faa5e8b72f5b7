from django.db import models

from tenantpay.merchants.models import Merchant, SalesUnit


class Device(models.Model):
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="devices")
    sales_unit = models.ForeignKey(SalesUnit, on_delete=models.CASCADE, related_name="devices")
    label = models.CharField(max_length=60)
    pairing_code = models.CharField(max_length=8, blank=True)
    token_hash = models.CharField(max_length=64, blank=True)
    paired = models.DateTimeField(null=True)
