"""REST API for merchants' own backends (session or device-token auth)."""
from __future__ import annotations

from django.core.cache import cache
from django.shortcuts import get_object_or_404
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from tenantpay.payments.api.serializers import CaptureSerializer, OrderSerializer, TokenStatusSerializer
from tenantpay.payments.models import Order
from tenantpay.payments.services.captures import CaptureService
from tenantpay.payments.vipps.errors import VippsError
from tenantpay.payments.vipps.factory import keys_for
from tenantpay.payments.vipps.tokens import TokenClient


class OrderDetailView(APIView):
    def get(self, request, pk):
        order = get_object_or_404(Order, pk=pk, merchant=request.merchant)
        # ok: KL301
        return Response(OrderSerializer(order).data)


class CaptureView(APIView):
    def post(self, request, pk):
        order = get_object_or_404(Order, pk=pk, merchant=request.merchant)
        serializer = CaptureSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            result = CaptureService(request.merchant).capture(order, serializer.validated_data.get("amount"))
        except VippsError as exc:
            # ruleid: KL301
            return Response({"detail": str(exc)}, status=status.HTTP_502_BAD_GATEWAY)
        # ok: KL301
        return Response({"reference": order.reference, "state": result.get("state"), "pspReference": result.get("pspReference")})


class TokenStatusView(APIView):
    """Lets the dashboard show whether payments work right now."""

    def get(self, request):
        tokens = TokenClient(keys_for(request.merchant))
        tokens.get()
        expires_in = cache.ttl(tokens.cache_key)
        data = TokenStatusSerializer(
            {"key_set": tokens.keys.name, "fingerprint": tokens.keys.fingerprint(), "expires_in": expires_in}
        ).data
        # ok: KL301
        return Response(data)
