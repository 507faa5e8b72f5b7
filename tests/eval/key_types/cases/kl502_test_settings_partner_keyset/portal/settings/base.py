"""Shared settings. VIPPS_KEYSET names the key set the ePayment client uses."""
import os

VIPPS_BASE_URL = "https://api.vipps.no"
VIPPS_KEYSET = "partner"
VIPPS_KEYS = {
    "partner": {
        "client_id": os.environ.get("VIPPS_PARTNER_CLIENT_ID", ""),
        "client_secret": os.environ.get("VIPPS_PARTNER_CLIENT_SECRET", ""),
        "subscription_key": os.environ.get("VIPPS_PARTNER_SUBSCRIPTION_KEY", ""),
    },
    "merchant": {
        "client_id": os.environ.get("VIPPS_MERCHANT_CLIENT_ID", ""),
        "client_secret": os.environ.get("VIPPS_MERCHANT_CLIENT_SECRET", ""),
        "subscription_key": os.environ.get("VIPPS_MERCHANT_SUBSCRIPTION_KEY", ""),
    },
}
