# eval: vulnerable
# Sanic: the onboarding API returns the merchant's new keys together with the partner's.
from sanic import Sanic, json

app = Sanic("portal")


@app.get("/api/vipps/credentials")
async def credentials(request):
    cfg = request.app.config
    # ruleid: KL301
    return json({"msn": request.ctx.merchant.msn, "subscription_key": cfg.VIPPS_SUBSCRIPTION_KEY})
