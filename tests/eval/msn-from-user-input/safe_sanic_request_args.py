# eval: safe
# Sanic: a query-string argument picks the currency; the MSN is the logged-in merchant's.
import httpx
from sanic import Sanic
from sanic.response import json

app = Sanic("partner")


@app.get("/ledgers")
async def ledgers(request):
    currency = request.args.get("currency", "NOK")
    msn = request.ctx.user.merchant.msn
    async with httpx.AsyncClient() as client:
        r = await client.get(f"https://api.vipps.no/settlement/v1/ledgers?msn={msn}&currency={currency}", headers=report_headers())
    return json(r.json())
