# eval: safe
# pydantic-settings: the SecretStr itself is logged; its str() is '**********'.
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
log.info("Vipps configured: %s / %s", settings.client_id, settings.client_secret)
