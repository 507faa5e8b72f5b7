# eval: vulnerable
import httpx
from fastapi import APIRouter, Depends

router = APIRouter()


@router.get("/sales-units/{msn}")
async def get_sales_unit(msn: str, client: httpx.AsyncClient = Depends(vipps_client)):
    # ruleid: KL201
    r = await client.get(f"/management/v1/sales-units/{msn}")
    return r.json()
