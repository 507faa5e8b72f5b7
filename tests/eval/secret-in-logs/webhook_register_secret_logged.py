# eval: vulnerable
# Registering a Vipps webhook: the returned secret signs every callback and is logged.
import logging

import requests

logger = logging.getLogger(__name__)


def register_webhook(url: str, token: str, subscription_key: str, msn: str) -> str:
    resp = requests.post(
        "https://api.vipps.no/webhooks/v1/webhooks",
        json={"url": url, "events": ["epayments.payment.captured.v1", "epayments.payment.refunded.v1"]},
        headers={"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": subscription_key, "Merchant-Serial-Number": msn},
        timeout=10,
    )
    resp.raise_for_status()
    body = resp.json()
    secret = body["secret"]
    # ruleid: KL401
    logger.info("registered webhook %s with secret %s", body["id"], secret)
    return secret
