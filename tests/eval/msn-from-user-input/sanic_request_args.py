# eval: vulnerable
# Sanic: a query-string argument picks the sales unit for the ledger lookup.
import httpx
from sanic import Sanic
from sanic.response import json

app = Sanic("partner")


@app.get("/ledgers")
async def ledgers(request):
    msn = request.args.get("msn")
    async with httpx.AsyncClient() as client:
        # ruleid: KL201
        r = await client.get(f"https://api.vipps.no/settlement/v1/ledgers?msn={msn}", headers=report_headers())
    return json(r.json())
