# eval: safe
# Registering a Vipps webhook: the id is logged, the secret goes to the database.
import logging

import requests

logger = logging.getLogger(__name__)


def register_webhook(url: str, token: str, subscription_key: str, msn: str, store) -> str:
    resp = requests.post(
        "https://api.vipps.no/webhooks/v1/webhooks",
        json={"url": url, "events": ["epayments.payment.captured.v1"]},
        headers={"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": subscription_key, "Merchant-Serial-Number": msn},
        timeout=10,
    )
    resp.raise_for_status()
    body = resp.json()
    store.save_webhook(msn=msn, webhook_id=body["id"], secret=body["secret"])
    logger.info("registered webhook %s for msn %s (status %s)", body["id"], msn, resp.status_code)
    return body["id"]
