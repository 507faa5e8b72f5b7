# eval: safe
import logging
import os

log = logging.getLogger(__name__)
CLIENT_SECRET_ENV = "VIPPS_CLIENT_SECRET"


def load():
    if CLIENT_SECRET_ENV not in os.environ:
        log.error("%s is not set", CLIENT_SECRET_ENV)
        raise RuntimeError(f"missing {CLIENT_SECRET_ENV}")
    return os.environ[CLIENT_SECRET_ENV]
