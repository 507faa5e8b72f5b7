# eval: safe
# Litestar: the handler's query parameter is the page; the MSN is the authenticated user's merchant.
import httpx
from litestar import Litestar, Request, get


@get("/ledgers")
async def ledgers(request: Request, page: int = 1) -> dict:
    msn = request.user.merchant.msn
    async with httpx.AsyncClient() as client:
        r = await client.get(f"https://api.vipps.no/settlement/v1/ledgers?msn={msn}&page={page}", headers=await report_headers())
    return r.json()


app = Litestar([ledgers])
