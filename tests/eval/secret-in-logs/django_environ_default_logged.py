# eval: vulnerable
# django-environ: the settings module logs the key it read (with a development default).
import logging

import environ

env = environ.Env()
log = logging.getLogger(__name__)

VIPPS_CLIENT_SECRET = env("VIPPS_CLIENT_SECRET", default="dev-only")
# ruleid: KL401
log.info("vipps configured with %s", VIPPS_CLIENT_SECRET)
