# eval: safe
# Starlette: the JSON body names the payment; the MSN comes from the session's merchant record.
import httpx
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def refund(request):
    payload = await request.json()
    merchant = await Merchant.get(id=request.session["merchant_id"])
    async with httpx.AsyncClient(base_url="https://api.vipps.no") as client:
        headers = {**await auth_headers(), "Merchant-Serial-Number": merchant.msn}
        r = await client.post(f"/epayment/v1/payments/{payload['reference']}/refund", headers=headers, json=payload["amount"])
    return JSONResponse(r.json())


app = Starlette(routes=[Route("/refund", refund, methods=["POST"])])
