# eval: safe
# Quart: the JSON body names the agreement; the sales unit is the session merchant's.
import httpx
from quart import Quart, request, session

app = Quart(__name__)


@app.post("/cancel")
async def cancel():
    body = await request.get_json()
    merchant = await Merchant.get(session["merchant_id"])
    async with httpx.AsyncClient() as client:
        r = await client.put(f"https://api.vipps.no/recurring/v3/agreements/{body['agreementId']}", headers={**await auth_headers(), "Merchant-Serial-Number": merchant.msn},
                             json={"status": "STOPPED"})
    return r.json()
