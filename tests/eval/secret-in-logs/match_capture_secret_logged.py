# eval: vulnerable
# A match statement picks the key set by environment and logs what it captured.
import logging

from django.conf import settings

log = logging.getLogger(__name__)


def describe_keys():
    match settings.VIPPS:
        case {"env": "test", "client_secret": secret}:
            # ruleid: KL401
            log.warning("test keys in use: %s", secret)
        case _:
            log.info("production keys in use")
