# eval: safe
import logging
import os

log = logging.getLogger(__name__)
CLIENT_SECRET = os.getenv("VIPPS_CLIENT_SECRET")

log.info("vipps configured: %s", bool(CLIENT_SECRET))
