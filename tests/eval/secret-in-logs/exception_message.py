# eval: vulnerable
from django.conf import settings


def validate_keys():
    key = settings.VIPPS_SUBSCRIPTION_KEY
    if len(key) != 32:
        # ruleid: KL401
        raise ValueError("subscription key %r has the wrong length" % key)
