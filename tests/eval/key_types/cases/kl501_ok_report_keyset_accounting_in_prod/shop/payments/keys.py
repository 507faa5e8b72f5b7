"""Our Vipps MobilePay key sets, by name."""
from django.conf import settings

KEY_SETS = {
    "partner": {
        "client_id": settings.VIPPS_PARTNER_CLIENT_ID,
        "client_secret": settings.VIPPS_PARTNER_CLIENT_SECRET,
        "subscription_key": settings.VIPPS_PARTNER_SUBSCRIPTION_KEY,
    },
    "accounting": {
        "client_id": settings.VIPPS_ACCOUNTING_CLIENT_ID,
        "client_secret": settings.VIPPS_ACCOUNTING_CLIENT_SECRET,
    },
}
