# eval: vulnerable
# loguru: a contextualised logger carries the access token into every record.
import httpx
from loguru import logger


def capture(client: httpx.Client, access_token: str, reference: str, amount: int):
    # ruleid: KL401
    vipps_log = logger.bind(vipps_token=access_token, reference=reference)
    vipps_log.info("capturing {}", amount)
    return client.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers={"Authorization": f"Bearer {access_token}"},
                       json={"modificationAmount": {"currency": "NOK", "value": amount}})
