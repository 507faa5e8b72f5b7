# eval: vulnerable
# Quart: the query string names the sales unit whose ledger is listed.
import httpx
from quart import Quart, jsonify, request

app = Quart(__name__)


@app.get("/ledgers")
async def ledgers():
    msn = request.args.get("msn")
    async with httpx.AsyncClient() as client:
        # ruleid: KL201
        r = await client.get("https://api.vipps.no/settlement/v1/ledgers", params={"msn": msn}, headers=await report_headers())
    return jsonify(r.json())
