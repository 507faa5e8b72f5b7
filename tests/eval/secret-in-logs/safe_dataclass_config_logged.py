# eval: safe
# A dataclass config object whose secret field is left out of its repr.
import logging
import os
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass
class VippsConfig:
    client_id: str = os.environ.get("VIPPS_CLIENT_ID", "")
    client_secret: str = field(default=os.environ.get("VIPPS_CLIENT_SECRET", ""), repr=False)
    base_url: str = "https://api.vipps.no"


def startup():
    cfg = VippsConfig()
    log.info("vipps config %s", cfg)
