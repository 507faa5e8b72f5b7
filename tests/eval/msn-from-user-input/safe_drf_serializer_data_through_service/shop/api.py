# eval: safe
# DRF: the POS posts the capture; the sales unit is the one the device is paired with.
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from shop.services import CaptureService


class CaptureSerializer(serializers.Serializer):
    reference = serializers.CharField()
    amount = serializers.IntegerField(min_value=1)


class CaptureView(APIView):
    def post(self, request):
        serializer = CaptureSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        msn = request.auth.device.sales_unit.msn
        resp = CaptureService().capture(serializer.data["reference"], serializer.data["amount"], msn=msn)
        return Response({"state": resp.json().get("state")})
