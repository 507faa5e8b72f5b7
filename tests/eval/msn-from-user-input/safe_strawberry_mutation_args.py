# eval: safe
# Strawberry: a mutation's arguments name the payment; the MSN is the request user's.
import httpx
import strawberry
from strawberry.types import Info


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def refund(self, info: Info, reference: str, amount: int) -> bool:
        msn = info.context["request"].user.merchant.msn
        async with httpx.AsyncClient(base_url="https://api.vipps.no") as client:
            r = await client.post(f"/epayment/v1/payments/{reference}/refund", headers={**auth(), "Merchant-Serial-Number": msn},
                                  json={"modificationAmount": {"currency": "NOK", "value": amount}})
        return r.is_success
