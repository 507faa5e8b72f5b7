# eval: vulnerable
# DRF: the POS posts the capture; the serializer checks the body's shape, not that the sales unit
# in it belongs to the caller.
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from shop.services import CaptureService


class CaptureSerializer(serializers.Serializer):
    msn = serializers.CharField(max_length=7)
    reference = serializers.CharField()
    amount = serializers.IntegerField(min_value=1)


class CaptureView(APIView):
    def post(self, request):
        serializer = CaptureSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        resp = CaptureService().capture(serializer.data["reference"], serializer.data["amount"], msn=serializer.data["msn"])
        return Response({"state": resp.json().get("state")})
