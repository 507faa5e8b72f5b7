"""The API our merchants' POS terminals call."""
from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.utils import timezone
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from tenantpay.integrations.pos.models import Device
from tenantpay.integrations.pos.serializers import PairingSerializer, PosPaymentSerializer
from tenantpay.payments.models import Order
from tenantpay.payments.services.checkout import CheckoutService
from tenantpay.payments.vipps.factory import keys_for
from tenantpay.payments.vipps.tokens import TokenClient


class PairDeviceView(APIView):
    """A terminal exchanges the code shown in the dashboard for its configuration."""

    permission_classes = [AllowAny]

    def post(self, request):
        serializer = PairingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        device = Device.objects.select_related("merchant", "sales_unit").get(
            pairing_code=serializer.validated_data["pairing_code"], paired__isnull=True
        )
        device_token = secrets.token_urlsafe(32)
        device.token_hash = hashlib.sha256(device_token.encode()).hexdigest()
        device.paired = timezone.now()
        device.save()
        keys = keys_for(device.merchant)
        config = {
            "deviceToken": device_token,
            "merchantSerialNumber": device.sales_unit.msn,
            "vipps": {
                "baseUrl": settings.VIPPS_BASE_URL,
                "clientId": keys.client_id,
                "subscriptionKey": keys.subscription_key,
            },
        }
        # ruleid: KL301
        return Response(config)


class PosPaymentView(APIView):
    """Start a payment from the till; the customer scans the QR or gets a push."""

    def post(self, request):
        serializer = PosPaymentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        order = Order.objects.create(
            merchant=request.merchant, sales_unit=request.device.sales_unit, reference=data["reference"], amount_ore=data["amount"]
        )
        url = CheckoutService(request.merchant).start(order, msn=data["merchantSerialNumber"])
        # ok: KL301
        return Response({"checkoutUrl": url, "reference": order.reference})


class PosTokenView(APIView):
    """Older terminal firmware (< 3.2) calls the ePayment API itself and needs a token."""

    def get(self, request):
        tokens = TokenClient(keys_for(request.merchant))
        # ruleid: KL301
        return Response({"access_token": tokens.get(), "token_type": "Bearer"})
