# eval: safe
# Starlette: the form gives the basket; the MSN belongs to the shop the session is signed for.
import httpx
from starlette.applications import Starlette
from starlette.responses import RedirectResponse
from starlette.routing import Route


async def start_checkout(request):
    form = await request.form()
    msn = request.user.shop.msn
    async with httpx.AsyncClient() as client:
        r = await client.post(
            "https://api.vipps.no/checkout/v3/session",
            headers={"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "Merchant-Serial-Number": msn},
            json=session_body(form),
        )
    return RedirectResponse(r.json()["checkoutFrontendUrl"], status_code=303)


app = Starlette(routes=[Route("/checkout", start_checkout, methods=["POST"])])
