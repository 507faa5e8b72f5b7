# eval: vulnerable
# Starlette: the JSON body of the request.
import httpx
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def refund(request):
    payload = await request.json()
    async with httpx.AsyncClient(base_url="https://api.vipps.no") as client:
        # ruleid: KL201
        headers = {**await auth_headers(), "Merchant-Serial-Number": payload["msn"]}
        r = await client.post(f"/epayment/v1/payments/{payload['reference']}/refund", headers=headers, json=payload["amount"])
    return JSONResponse(r.json())


app = Starlette(routes=[Route("/refund", refund, methods=["POST"])])
