# eval: vulnerable
# Litestar: a handler gives the merchant's browser the partner's Vipps access token.
import os

import httpx
from litestar import Litestar, get


@get("/vipps/token")
async def vipps_token() -> dict:
    async with httpx.AsyncClient() as client:
        r = await client.post("https://api.vipps.no/accesstoken/get", headers={
            "client_id": os.environ["VIPPS_CLIENT_ID"], "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
            "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]})
    token = r.json()["access_token"]
    # ruleid: KL301
    return {"access_token": token, "expires_in": r.json()["expires_in"]}


app = Litestar([vipps_token])
