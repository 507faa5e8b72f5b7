"""A developer's laptop: debug on, sandbox merchant keys, mails to the console."""
from .base import *  # noqa: F401,F403

DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1", ".localhost"]
# ok: KL101
SECRET_KEY = "django-insecure-7t$k2m@v!q9x#w4e8r^u1z0p&c5n3b6y"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
VIPPS_KEYSET = "sandbox"
