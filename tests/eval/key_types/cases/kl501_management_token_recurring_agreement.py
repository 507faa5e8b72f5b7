"""Draft a recurring agreement for a new subscription product."""
import os
from dataclasses import dataclass

import requests


@dataclass(frozen=True)
class ManagementConfig:
    base_url: str
    client_id: str
    client_secret: str

    @classmethod
    def from_env(cls) -> "ManagementConfig":
        return cls(
            base_url=os.environ.get("VIPPS_BASE_URL", "https://api.vipps.no"),
            client_id=os.environ["MANAGEMENT_CLIENT_ID"],
            client_secret=os.environ["MANAGEMENT_CLIENT_SECRET"],
        )


def get_management_token(cfg: ManagementConfig) -> str:
    resp = requests.post(
        f"{cfg.base_url}/miami/v1/token",
        auth=(cfg.client_id, cfg.client_secret),
        data={"grant_type": "client_credentials"},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def draft_agreement(cfg: ManagementConfig, msn: str, phone: str, price_ore: int) -> dict:
    token = get_management_token(cfg)
    body = {
        "pricing": {"type": "LEGACY", "amount": price_ore, "currency": "NOK"},
        "interval": {"unit": "MONTH", "count": 1},
        "merchantRedirectUrl": "https://shop.example.com/subscription/done",
        "merchantAgreementUrl": "https://shop.example.com/account/subscription",
        "phoneNumber": phone,
        "productName": "Monthly coffee",
    }
    # ruleid: KL501
    resp = requests.post(
        cfg.base_url + "/recurring/v3/agreements",
        json=body,
        headers={"Authorization": "Bearer " + token, "Merchant-Serial-Number": msn},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()


if __name__ == "__main__":
    print(draft_agreement(ManagementConfig.from_env(), os.environ["MSN"], "4712345678", 29900))
