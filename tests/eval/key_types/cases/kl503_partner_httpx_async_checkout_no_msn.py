"""FastAPI route handler helpers: Checkout sessions for the marketplace (partner keys)."""
import os

import httpx

VIPPS_PARTNER_SUBSCRIPTION_KEY = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]


async def get_partner_token(client: httpx.AsyncClient) -> str:
    resp = await client.post("/accesstoken/get", headers={
        "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
    })
    resp.raise_for_status()
    return resp.json()["access_token"]


async def create_checkout(order_ref: str, amount_ore: int, description: str) -> str:
    async with httpx.AsyncClient(
        base_url="https://api.vipps.no",
        headers={"Ocp-Apim-Subscription-Key": VIPPS_PARTNER_SUBSCRIPTION_KEY},
        timeout=15,
    ) as client:
        token = await get_partner_token(client)
        # ruleid: KL503
        resp = await client.post(
            "/checkout/v3/session",
            headers={"Authorization": f"Bearer {token}"},
            json={
                "merchantInfo": {"callbackUrl": "https://market.example/vipps/callback",
                                 "returnUrl": f"https://market.example/orders/{order_ref}"},
                "transaction": {"amount": {"currency": "NOK", "value": amount_ore},
                                "reference": order_ref, "paymentDescription": description},
            },
        )
        resp.raise_for_status()
        return resp.json()["checkoutFrontendUrl"]
