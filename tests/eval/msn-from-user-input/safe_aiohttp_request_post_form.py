# eval: safe
# aiohttp server: the form gives the agreement; the MSN comes from the merchant the auth middleware put on the request.
import aiohttp
from aiohttp import web

routes = web.RouteTableDef()


@routes.post("/agreements")
async def create_agreement(request: web.Request) -> web.Response:
    form = await request.post()
    msn = request["merchant"].msn
    async with aiohttp.ClientSession("https://api.vipps.no") as session:
        async with session.post("/recurring/v3/agreements", headers={**await token_headers(), "Merchant-Serial-Number": msn},
                                json=agreement_body(form)) as resp:
            return web.json_response(await resp.json())
