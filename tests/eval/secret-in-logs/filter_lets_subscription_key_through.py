# eval: vulnerable
# The same client, but the filter only masks Authorization: the subscription key is logged.
import logging
import uuid

import httpx

logger = logging.getLogger("shop.vipps")


class EPaymentClient:
    def __init__(self, token: str, subscription_key: str, msn: str):
        self.headers = {
            "Authorization": f"Bearer {token}",
            "Ocp-Apim-Subscription-Key": subscription_key,
            "Merchant-Serial-Number": msn,
            "Vipps-System-Name": "acme-shop",
        }

    async def create_payment(self, body: dict) -> dict:
        headers = {**self.headers, "Idempotency-Key": str(uuid.uuid4())}
        loggable = {k: ("[REDACTED]" if k.lower() == "authorization" else v) for k, v in headers.items()}
        # ruleid: KL401
        logger.info("POST /epayment/v1/payments headers=%s", loggable)
        async with httpx.AsyncClient(base_url="https://api.vipps.no") as client:
            response = await client.post("/epayment/v1/payments", json=body, headers=headers)
        response.raise_for_status()
        return response.json()
