# eval: vulnerable
from aiohttp import web


async def widget_token(request):
    vipps = request.app["vipps"]
    token = await vipps.fetch_access_token()
    # ruleid: KL301
    return web.json_response({"token": token})
