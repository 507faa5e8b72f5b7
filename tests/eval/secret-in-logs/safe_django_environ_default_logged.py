# eval: safe
# django-environ: the settings module logs whether the development default is in use.
import logging

import environ

env = environ.Env()
log = logging.getLogger(__name__)

VIPPS_CLIENT_SECRET = env("VIPPS_CLIENT_SECRET", default="dev-only")
log.info("vipps configured (default: %s)", VIPPS_CLIENT_SECRET == "dev-only")
