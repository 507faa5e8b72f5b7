# eval: safe
# Sanic: the JSON body is the basket; the MSN belongs to the merchant the auth middleware put on request.ctx.
import httpx
from sanic import Sanic, json

app = Sanic("shop")


@app.post("/orders")
async def create_order(request):
    order = request.json
    msn = request.ctx.merchant.msn
    async with httpx.AsyncClient() as client:
        r = await client.post(
            "https://api.vipps.no/epayment/v1/payments",
            headers={**await vipps_headers(), "Merchant-Serial-Number": msn},
            json=payment_body(order),
        )
    return json(r.json())
