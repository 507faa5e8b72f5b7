# eval: vulnerable
# Litestar: the request body, a dataclass, names the sales unit.
from dataclasses import dataclass

import httpx
from litestar import Litestar, post


@dataclass
class PaymentIn:
    msn: str
    reference: str
    amount: int


@post("/payments")
async def create_payment(data: PaymentIn) -> dict:
    async with httpx.AsyncClient(base_url="https://api.vipps.no") as client:
        # ruleid: KL201
        headers = {**await auth_headers(), "Merchant-Serial-Number": data.msn}
        r = await client.post("/epayment/v1/payments", headers=headers, json=payment_body(data.reference, data.amount))
    return r.json()


app = Litestar([create_payment])
