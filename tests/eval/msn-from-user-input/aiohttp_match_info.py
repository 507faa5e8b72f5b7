# eval: vulnerable
import aiohttp
from aiohttp import web


async def capture(request):
    msn = request.match_info["msn"]
    async with aiohttp.ClientSession() as session:
        # ruleid: KL201
        async with session.post(f"{API}/epayment/v1/payments/{request.match_info['ref']}/capture", headers={"Merchant-Serial-Number": msn, **auth()}, json=await request.json()) as r:
            return web.json_response(await r.json())
