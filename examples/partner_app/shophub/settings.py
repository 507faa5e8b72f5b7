"""ShopHub settings, read from the environment (see ../.env for local development)."""
import os

API_BASE_URL = os.getenv("VIPPS_API_BASE_URL", "https://api.vipps.no")
TEST_API_BASE_URL = "https://apitest.vipps.no"

# Name of the variable that holds the partner secret (the deploy check looks for it).
# ok: KL101
CLIENT_SECRET_ENV = "VIPPS_CLIENT_SECRET"

# Partner keys: one set for all our merchants, production only.
# ok: KL103
PARTNER_CLIENT_ID = os.environ["VIPPS_CLIENT_ID"]
# ok: KL101
PARTNER_CLIENT_SECRET = os.environ[CLIENT_SECRET_ENV]
# ruleid: KL102
PARTNER_SUBSCRIPTION_KEY = os.getenv("VIPPS_SUBSCRIPTION_KEY", "e5a6e9d9c9195a2df2a12bab861b5979")

# Management keys: Management API only, specialised auth (/miami/v1/token).
MANAGEMENT_CLIENT_ID = os.getenv("VIPPS_MANAGEMENT_CLIENT_ID", "")
# ok: KL101
MANAGEMENT_CLIENT_SECRET = os.getenv("VIPPS_MANAGEMENT_CLIENT_SECRET", "")

# A test sales unit's own (merchant) keys, for apitest.vipps.no.
TEST_MERCHANT_MSN = os.getenv("VIPPS_TEST_MSN", "")
# ok: KL103
TEST_MERCHANT_CLIENT_ID = os.getenv("VIPPS_TEST_CLIENT_ID", "<client_id>")
# ok: KL101
TEST_MERCHANT_CLIENT_SECRET = os.getenv("VIPPS_TEST_CLIENT_SECRET", "xxx")
# ok: KL102
TEST_MERCHANT_SUBSCRIPTION_KEY = os.getenv("VIPPS_TEST_SUBSCRIPTION_KEY", "YOUR-SUBSCRIPTION-KEY")

SYSTEM_HEADERS = {
    "Vipps-System-Name": "shophub",
    "Vipps-System-Version": "3.4.1",
    "Vipps-System-Plugin-Name": "shophub-epayment",
    "Vipps-System-Plugin-Version": "1.9.0",
}

# Cache-busting hash of the compiled CSS bundle; looks like a key, is not one.
# ok: KL102
ASSET_BUNDLE_MD5 = "e17043e4cdf28019b6071ed75e7d90c5"

SECRET_KEY = os.getenv("FLASK_SECRET_KEY", "dev-only")
MAIL_FROM = "onboarding@shophub.example"
SMTP_HOST = os.getenv("SMTP_HOST", "localhost")
