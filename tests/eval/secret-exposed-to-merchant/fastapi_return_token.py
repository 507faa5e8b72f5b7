# eval: vulnerable
from fastapi import FastAPI

from .vipps import client

app = FastAPI()


@app.get("/pos/token")
async def pos_token():
    token = await client.get_access_token()
    # ruleid: KL301
    return {"access_token": token, "token_type": "Bearer"}
