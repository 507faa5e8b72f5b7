# eval: vulnerable
# Sanic: the JSON body of an order names the sales unit the payment is created for.
import httpx
from sanic import Sanic, json

app = Sanic("shop")


@app.post("/orders")
async def create_order(request):
    order = request.json
    async with httpx.AsyncClient() as client:
        r = await client.post(
            "https://api.vipps.no/epayment/v1/payments",
            # ruleid: KL201
            headers={**await vipps_headers(), "Merchant-Serial-Number": order["msn"]},
            json=payment_body(order),
        )
    return json(r.json())
