"""REST API serializers (the merchant's own backend and our dashboard's JS use them)."""
from rest_framework import serializers

from tenantpay.payments.models import Order


class CaptureSerializer(serializers.Serializer):
    amount = serializers.IntegerField(min_value=1, required=False)


class OrderSerializer(serializers.ModelSerializer):
    msn = serializers.CharField(source="sales_unit.msn", read_only=True)

    class Meta:
        model = Order
        fields = ["id", "reference", "amount_ore", "currency", "state", "msn", "created"]


class TokenStatusSerializer(serializers.Serializer):
    key_set = serializers.CharField()
    fingerprint = serializers.CharField()
    expires_in = serializers.IntegerField()
