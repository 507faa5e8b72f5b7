# eval: vulnerable
# Dynaconf: the startup log prints the Vipps settings it loaded.
import logging

from dynaconf import Dynaconf

log = logging.getLogger("app")
settings = Dynaconf(envvar_prefix="SHOP", settings_files=["settings.toml", ".secrets.toml"])


def startup():
    # ruleid: KL401
    log.info("vipps: id=%s secret=%s", settings.VIPPS_CLIENT_ID, settings.VIPPS_CLIENT_SECRET)
