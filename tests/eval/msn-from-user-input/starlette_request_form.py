# eval: vulnerable
# Starlette: a submitted HTML form names the sales unit of the Checkout session.
import httpx
from starlette.applications import Starlette
from starlette.responses import RedirectResponse
from starlette.routing import Route


async def start_checkout(request):
    form = await request.form()
    async with httpx.AsyncClient() as client:
        r = await client.post(
            "https://api.vipps.no/checkout/v3/session",
            # ruleid: KL201
            headers={"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "Merchant-Serial-Number": form["msn"]},
            json=session_body(form),
        )
    return RedirectResponse(r.json()["checkoutFrontendUrl"], status_code=303)


app = Starlette(routes=[Route("/checkout", start_checkout, methods=["POST"])])
