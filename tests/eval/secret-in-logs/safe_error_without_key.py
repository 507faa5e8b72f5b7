# eval: safe
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def check():
    if not getattr(settings, "VIPPS_CLIENT_SECRET", None):
        raise ImproperlyConfigured("VIPPS_CLIENT_SECRET is not set")
