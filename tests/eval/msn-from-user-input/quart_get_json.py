# eval: vulnerable
# Quart: the JSON body.
import httpx
from quart import Quart, request

app = Quart(__name__)


@app.post("/cancel")
async def cancel():
    body = await request.get_json()
    async with httpx.AsyncClient() as client:
        # ruleid: KL201
        r = await client.put(f"https://api.vipps.no/recurring/v3/agreements/{body['agreementId']}", headers={**await auth_headers(), "Merchant-Serial-Number": body["msn"]},
                             json={"status": "STOPPED"})
    return r.json()
