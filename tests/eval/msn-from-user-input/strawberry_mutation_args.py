# eval: vulnerable
# Strawberry: a mutation's arguments are the client's.
import httpx
import strawberry


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def refund(self, msn: str, reference: str, amount: int) -> bool:
        async with httpx.AsyncClient(base_url="https://api.vipps.no") as client:
            # ruleid: KL201
            r = await client.post(f"/epayment/v1/payments/{reference}/refund", headers={**auth(), "Merchant-Serial-Number": msn},
                                  json={"modificationAmount": {"currency": "NOK", "value": amount}})
        return r.is_success
