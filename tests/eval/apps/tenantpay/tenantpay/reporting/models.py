from django.db import models

from tenantpay.merchants.models import SalesUnit


class SettlementLine(models.Model):
    sales_unit = models.ForeignKey(SalesUnit, on_delete=models.CASCADE, related_name="settlement_lines")
    ledger_date = models.DateField()
    reference = models.CharField(max_length=50)
    kind = models.CharField(max_length=20)
    amount_ore = models.BigIntegerField()
    fee_ore = models.BigIntegerField(default=0)
    cursor = models.CharField(max_length=100)

    class Meta:
        unique_together = [("sales_unit", "reference", "kind", "ledger_date")]
