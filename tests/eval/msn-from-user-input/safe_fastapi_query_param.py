# eval: safe
# FastAPI: a Query parameter asks for a dry run; the MSN comes from the authenticated merchant (Depends).
import httpx
from fastapi import Depends, FastAPI, Query

app = FastAPI()


@app.post("/payments/{reference}/cancel")
async def cancel(reference: str, dry_run: bool = Query(False), merchant=Depends(current_merchant)):
    msn = merchant.msn
    if dry_run:
        return {"reference": reference, "msn": msn}
    async with httpx.AsyncClient(base_url="https://api.vipps.no") as client:
        r = await client.post(f"/epayment/v1/payments/{reference}/cancel", headers={**await vipps_auth(), "Merchant-Serial-Number": msn})
    return r.json()
