# eval: safe
# DRF: a SerializerMethodField tells the merchant whether Vipps is connected.
from django.conf import settings
from rest_framework import serializers


class ShopSerializer(serializers.ModelSerializer):
    vipps_connected = serializers.SerializerMethodField()

    class Meta:
        model = Shop
        fields = ["id", "name", "msn", "vipps_connected"]

    def get_vipps_connected(self, obj):
        return bool(settings.VIPPS["partner"]["subscription_key"]) and obj.msn is not None
