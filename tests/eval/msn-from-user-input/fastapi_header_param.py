# eval: vulnerable
import httpx
from fastapi import FastAPI, Header

app = FastAPI()


@app.post("/payments/{reference}/cancel")
async def cancel(reference: str, x_merchant_msn: str = Header(...)):
    async with httpx.AsyncClient(base_url="https://api.vipps.no") as client:
        # ruleid: KL201
        r = await client.post(f"/epayment/v1/payments/{reference}/cancel", headers={**auth(), "Merchant-Serial-Number": x_merchant_msn})
    return {"state": r.json()["state"]}
