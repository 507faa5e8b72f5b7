# eval: safe
import httpx
from fastapi import Depends, FastAPI, HTTPException

app = FastAPI()


@app.get("/units/{msn}")
async def unit(msn: str, user: User = Depends(current_user)):
    if not user.can_act_for(msn):
        raise HTTPException(status_code=403)
    async with httpx.AsyncClient() as client:
        r = await client.get(f"{API}/management/v1/sales-units/{msn}", headers=mgmt_headers())
    return r.json()
