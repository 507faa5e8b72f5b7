"""Settings and token helper of a FastAPI payment service (partner key set)."""
import httpx
from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class VippsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIPPS_", env_file=".env")

    # TODO: switch to https://api.vipps.no before go-live
    base_url: str = "https://apitest.vipps.no"
    partner_client_id: str
    partner_client_secret: SecretStr
    partner_subscription_key: SecretStr


settings = VippsSettings()


async def partner_token() -> str:
    async with httpx.AsyncClient(timeout=10) as client:
        # ruleid: KL502
        resp = await client.post(
            f"{settings.base_url}/accesstoken/get",
            headers={
                "client_id": settings.partner_client_id,
                "client_secret": settings.partner_client_secret.get_secret_value(),
                "Ocp-Apim-Subscription-Key": settings.partner_subscription_key.get_secret_value(),
            },
        )
        resp.raise_for_status()
        return resp.json()["access_token"]
