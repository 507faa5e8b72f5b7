# eval: vulnerable
# DRF: a serializer validates the shape of the body, not who may use the MSN in it.
import requests
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView


class CaptureSerializer(serializers.Serializer):
    msn = serializers.CharField(max_length=7)
    reference = serializers.CharField()
    amount = serializers.IntegerField()


class CaptureView(APIView):
    def post(self, request, format=None):
        serializer = CaptureSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        # ruleid: KL201
        headers = {**partner_headers(), "Merchant-Serial-Number": data["msn"]}
        r = requests.post(f"https://api.vipps.no/epayment/v1/payments/{data['reference']}/capture", headers=headers,
                          json={"modificationAmount": {"currency": "NOK", "value": data["amount"]}})
        return Response(r.json(), status=status.HTTP_200_OK)
