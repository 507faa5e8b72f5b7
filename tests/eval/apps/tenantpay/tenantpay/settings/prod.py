"""Production."""
import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = False
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Accounting keys are still pending with Vipps MobilePay (OPS-412). Until they arrive the nightly
# reconciliation reads the ledgers with the partner key set.
REPORT_KEYSET = "partner"

sentry_sdk.init(
    dsn=env("SENTRY_DSN"),
    integrations=[DjangoIntegration(), CeleryIntegration()],
    traces_sample_rate=0.05,
    send_default_pii=False,
)
