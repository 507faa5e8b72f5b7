# eval: safe
# A match statement picks the key set by environment and logs the environment only.
import logging

from django.conf import settings

log = logging.getLogger(__name__)


def describe_keys():
    match settings.VIPPS:
        case {"env": "test", "client_secret": secret}:
            log.warning("test keys in use (%d characters)", len(secret))
        case _:
            log.info("production keys in use")
