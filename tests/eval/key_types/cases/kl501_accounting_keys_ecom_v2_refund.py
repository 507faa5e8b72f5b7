"""Credit-note handler of an ERP integration: refunds the original Vipps payment."""
import httpx
from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class VippsAccountingSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIPPS_")

    base_url: str = "https://api.vipps.no"
    accounting_client_id: str
    accounting_client_secret: SecretStr


settings = VippsAccountingSettings()


def _token(client: httpx.Client) -> str:
    resp = client.post(
        f"{settings.base_url}/miami/v1/token",
        auth=(settings.accounting_client_id, settings.accounting_client_secret.get_secret_value()),
        data={"grant_type": "client_credentials"},
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def refund_for_credit_note(order_id: str, amount_ore: int, msn: str, note_no: str) -> None:
    with httpx.Client(timeout=15) as client:
        token = _token(client)
        # ruleid: KL501
        resp = client.post(
            f"{settings.base_url}/ecomm/v2/payments/{order_id}/refund",
            headers={"Authorization": f"Bearer {token}", "Merchant-Serial-Number": msn},
            json={
                "merchantInfo": {"merchantSerialNumber": msn},
                "transaction": {"amount": amount_ore, "transactionText": f"Credit note {note_no}"},
            },
        )
        resp.raise_for_status()
