# eval: safe
# Litestar: the handler uses the Vipps access token server-side and returns the payment's state.
import os

import httpx
from litestar import Litestar, get


@get("/vipps/payments/{reference:str}")
async def payment_state(reference: str) -> dict:
    async with httpx.AsyncClient() as client:
        r = await client.post("https://api.vipps.no/accesstoken/get", headers={
            "client_id": os.environ["VIPPS_CLIENT_ID"], "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
            "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]})
        access_token = r.json()["access_token"]
        p = await client.get(f"https://api.vipps.no/epayment/v1/payments/{reference}", headers={
            "Authorization": f"Bearer {access_token}", "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]})
    return {"reference": reference, "state": p.json()["state"]}


app = Litestar([payment_state])
