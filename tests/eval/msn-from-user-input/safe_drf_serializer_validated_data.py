# eval: safe
# DRF: the serializer carries the payment; the MSN is the requesting user's own merchant's.
import requests
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView


class CaptureSerializer(serializers.Serializer):
    reference = serializers.CharField()
    amount = serializers.IntegerField()


class CaptureView(APIView):
    def post(self, request, format=None):
        serializer = CaptureSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        headers = {**partner_headers(), "Merchant-Serial-Number": request.user.merchant.msn}
        r = requests.post(f"https://api.vipps.no/epayment/v1/payments/{data['reference']}/capture", headers=headers,
                          json={"modificationAmount": {"currency": "NOK", "value": data["amount"]}})
        return Response(r.json(), status=status.HTTP_200_OK)
