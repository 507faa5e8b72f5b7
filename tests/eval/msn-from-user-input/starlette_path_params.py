# eval: vulnerable
import httpx
from starlette.responses import JSONResponse


async def refund(request):
    msn = request.path_params["msn"]
    headers = auth_headers()
    # ruleid: KL201
    headers["Merchant-Serial-Number"] = msn
    async with httpx.AsyncClient() as client:
        r = await client.post(f"{API}/epayment/v1/payments/{request.path_params['ref']}/refund", headers=headers, json=await request.json())
    return JSONResponse(r.json())
