# eval: safe
# loguru: the contextualised logger carries the payment reference only.
import httpx
from loguru import logger


def capture(client: httpx.Client, access_token: str, reference: str, amount: int):
    vipps_log = logger.bind(reference=reference, token_len=len(access_token))
    vipps_log.info("capturing {}", amount)
    return client.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers={"Authorization": f"Bearer {access_token}"},
                       json={"modificationAmount": {"currency": "NOK", "value": amount}})
