# eval: safe
# Dynaconf: the startup log prints the client id and whether the secret is loaded.
import logging

from dynaconf import Dynaconf

log = logging.getLogger("app")
settings = Dynaconf(envvar_prefix="SHOP", settings_files=["settings.toml", ".secrets.toml"])


def startup():
    log.info("vipps: id=%s secret loaded=%s", settings.VIPPS_CLIENT_ID, settings.VIPPS_CLIENT_SECRET is not None)
