# eval: vulnerable
# pydantic-settings: the SecretStr is revealed with get_secret_value() into a log line.
import logging

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger(__name__)


class VippsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIPPS_")
    base_url: str = "https://api.vipps.no"
    client_id: str
    client_secret: SecretStr


settings = VippsSettings()
# ruleid: KL401
log.info("Vipps configured: %s / %s", settings.client_id, settings.client_secret.get_secret_value())
