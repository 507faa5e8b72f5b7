# eval: vulnerable
# Litestar: a query parameter of the handler names the sales unit whose ledgers are listed.
import httpx
from litestar import Litestar, get


@get("/ledgers")
async def ledgers(msn: str) -> dict:
    async with httpx.AsyncClient() as client:
        # ruleid: KL201
        r = await client.get(f"https://api.vipps.no/settlement/v1/ledgers?msn={msn}", headers=await report_headers())
    return r.json()


app = Litestar([ledgers])
