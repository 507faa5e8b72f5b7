# eval: safe
# Quart: the query string picks the page; the MSN is the logged-in merchant's (quart-auth).
import httpx
from quart import Quart, jsonify, request
from quart_auth import current_user, login_required

app = Quart(__name__)


@app.get("/ledgers")
@login_required
async def ledgers():
    page = request.args.get("page", 1, type=int)
    msn = (await merchant_of(current_user.auth_id)).msn
    async with httpx.AsyncClient() as client:
        r = await client.get("https://api.vipps.no/settlement/v1/ledgers", params={"msn": msn, "page": page}, headers=await report_headers())
    return jsonify(r.json())
