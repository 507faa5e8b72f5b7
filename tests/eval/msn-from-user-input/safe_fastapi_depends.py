# eval: safe
import httpx
from fastapi import Depends, FastAPI

app = FastAPI()


@app.post("/payments/{reference}/capture")
async def capture(reference: str, merchant: Merchant = Depends(current_merchant)):
    async with httpx.AsyncClient() as client:
        r = await client.post(f"{API}/epayment/v1/payments/{reference}/capture", headers={**auth(), "Merchant-Serial-Number": merchant.msn})
    return r.json()
