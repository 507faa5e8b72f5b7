# eval: vulnerable
# A dataclass config object is logged whole: its repr prints every field, the secret too.
import logging
import os
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass
class VippsConfig:
    client_id: str = os.environ.get("VIPPS_CLIENT_ID", "")
    client_secret: str = os.environ.get("VIPPS_CLIENT_SECRET", "")
    base_url: str = "https://api.vipps.no"


def startup():
    cfg = VippsConfig()
    # ruleid: KL401
    log.info("vipps config %s", cfg)
