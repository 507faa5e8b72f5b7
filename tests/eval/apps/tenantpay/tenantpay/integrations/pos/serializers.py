from rest_framework import serializers


class PosPaymentSerializer(serializers.Serializer):
    reference = serializers.CharField(max_length=50)
    amount = serializers.IntegerField(min_value=100)
    merchantSerialNumber = serializers.RegexField(r"^\d{5,7}$")


class PairingSerializer(serializers.Serializer):
    pairing_code = serializers.CharField(max_length=8)
