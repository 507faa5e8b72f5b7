# eval: safe
# pprint: a debug helper dumps the Vipps block with every key name filtered out.
from pprint import pprint

from django.conf import settings

SECRET_FIELDS = {"client_secret", "subscription_key"}


def debug_vipps():
    pprint({k: v for k, v in settings.VIPPS.items() if k not in SECRET_FIELDS})
