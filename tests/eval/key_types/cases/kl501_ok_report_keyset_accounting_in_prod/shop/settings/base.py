"""Settings every deployment shares; per-deployment switches come from the environment."""
import environ

env = environ.Env()

VIPPS_BASE_URL = env("VIPPS_BASE_URL", default="https://api.vipps.no")
# Which key set the nightly settlement import reads the Report API with.
REPORT_KEYSET = env("VIPPS_REPORT_KEYSET", default="accounting")

VIPPS_PARTNER_CLIENT_ID = env("VIPPS_PARTNER_CLIENT_ID")
VIPPS_PARTNER_CLIENT_SECRET = env("VIPPS_PARTNER_CLIENT_SECRET")
VIPPS_PARTNER_SUBSCRIPTION_KEY = env("VIPPS_PARTNER_SUBSCRIPTION_KEY")
VIPPS_ACCOUNTING_CLIENT_ID = env("VIPPS_ACCOUNTING_CLIENT_ID")
VIPPS_ACCOUNTING_CLIENT_SECRET = env("VIPPS_ACCOUNTING_CLIENT_SECRET")
