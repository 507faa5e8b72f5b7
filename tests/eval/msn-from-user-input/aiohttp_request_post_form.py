# eval: vulnerable
# aiohttp server: the posted form names the sales unit, sent on with a ClientSession.
import aiohttp
from aiohttp import web

routes = web.RouteTableDef()


@routes.post("/agreements")
async def create_agreement(request: web.Request) -> web.Response:
    form = await request.post()
    msn = form["msn"]
    async with aiohttp.ClientSession("https://api.vipps.no") as session:
        # ruleid: KL201
        async with session.post("/recurring/v3/agreements", headers={**await token_headers(), "Merchant-Serial-Number": msn},
                                json=agreement_body(form)) as resp:
            return web.json_response(await resp.json())
