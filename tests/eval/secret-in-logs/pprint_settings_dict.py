# eval: vulnerable
# pprint: a debug helper dumps the Vipps block of the Django settings.
from pprint import pprint

from django.conf import settings


def debug_vipps():
    # ruleid: KL401
    pprint(settings.VIPPS)
