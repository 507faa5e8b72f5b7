"""Terminals authenticate with the device token they got when paired."""
import hashlib

from rest_framework import authentication, exceptions

from tenantpay.integrations.pos.models import Device


class DeviceTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Device"

    def authenticate(self, request):
        header = request.headers.get("Authorization", "")
        if not header.startswith(f"{self.keyword} "):
            return None
        token_hash = hashlib.sha256(header.split(" ", 1)[1].encode()).hexdigest()
        try:
            device = Device.objects.select_related("merchant", "sales_unit").get(token_hash=token_hash)
        except Device.DoesNotExist:
            raise exceptions.AuthenticationFailed("unknown device") from None
        request.merchant = device.merchant
        request.device = device
        return (device.merchant.memberships.filter(role="owner").first().user, device)
