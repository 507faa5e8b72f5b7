"""Settings for the test suite (pytest-django). Talks to the Vipps MobilePay test environment
with the sandbox merchant's keys only."""
import os

from .base import *  # noqa: F401,F403

SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_ALWAYS_EAGER = True

# ok: KL502, KL504
VIPPS_BASE_URL = "https://apitest.vipps.no"
VIPPS_KEYSET = "sandbox"
REPORT_KEYSET = "accounting"
VIPPS_ACCOUNTING_CLIENT_ID = os.environ.get("VIPPS_ACCOUNTING_CLIENT_ID", "")
# ruleid: KL101
VIPPS_ACCOUNTING_CLIENT_SECRET = os.environ.get("VIPPS_ACCOUNTING_CLIENT_SECRET", "csT43dCTcNobo3zfXcE=s7CYukgKVz0aG4I2uxVN")
