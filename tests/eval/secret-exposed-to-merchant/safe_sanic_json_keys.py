# eval: safe
# Sanic: the onboarding API returns the merchant's MSN and whether the keys are set.
from sanic import Sanic, json

app = Sanic("portal")


@app.get("/api/vipps/credentials")
async def credentials(request):
    cfg = request.app.config
    return json({"msn": request.ctx.merchant.msn, "subscription_key_set": bool(cfg.VIPPS_SUBSCRIPTION_KEY)})
