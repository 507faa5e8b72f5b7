# eval: vulnerable
# DRF: a SerializerMethodField puts the partner subscription key into the merchant API.
from django.conf import settings
from rest_framework import serializers


class ShopSerializer(serializers.ModelSerializer):
    vipps_subscription_key = serializers.SerializerMethodField()

    class Meta:
        model = Shop
        fields = ["id", "name", "msn", "vipps_subscription_key"]

    def get_vipps_subscription_key(self, obj):
        # ruleid: KL301
        return settings.VIPPS["partner"]["subscription_key"]
