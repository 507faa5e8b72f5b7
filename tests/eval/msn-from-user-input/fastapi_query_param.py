# eval: vulnerable
# FastAPI: a Query parameter names the sales unit whose payment is cancelled.
import httpx
from fastapi import FastAPI, Query

app = FastAPI()


@app.post("/payments/{reference}/cancel")
async def cancel(reference: str, msn: str = Query(..., min_length=5, max_length=7)):
    async with httpx.AsyncClient(base_url="https://api.vipps.no") as client:
        # ruleid: KL201
        r = await client.post(f"/epayment/v1/payments/{reference}/cancel", headers={**await vipps_auth(), "Merchant-Serial-Number": msn})
    return r.json()
