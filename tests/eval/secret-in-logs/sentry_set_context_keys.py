# eval: vulnerable
# Sentry: the Vipps configuration, keys included, is attached to every error report.
import sentry_sdk
from django.conf import settings


def init_vipps_context():
    # ruleid: KL401
    sentry_sdk.set_context("vipps", {"base_url": settings.VIPPS_BASE_URL, "client_id": settings.VIPPS_CLIENT_ID,
                                     "client_secret": settings.VIPPS_CLIENT_SECRET})
