# eval: safe
# Litestar: the body names the payment; the sales unit comes from the authenticated user.
from dataclasses import dataclass

import httpx
from litestar import Litestar, Request, post


@dataclass
class PaymentIn:
    reference: str
    amount: int


@post("/payments")
async def create_payment(data: PaymentIn, request: Request) -> dict:
    async with httpx.AsyncClient(base_url="https://api.vipps.no") as client:
        headers = {**await auth_headers(), "Merchant-Serial-Number": request.user.merchant.msn}
        r = await client.post("/epayment/v1/payments", headers=headers, json=payment_body(data.reference, data.amount))
    return r.json()


app = Litestar([create_payment])
