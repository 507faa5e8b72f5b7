# eval: vulnerable
# Quart: the merchant dashboard's settings endpoint returns the partner's Vipps keys.
from quart import Quart, jsonify

app = Quart(__name__)
app.config.from_prefixed_env("VIPPS")


@app.get("/api/vipps/settings")
async def vipps_settings():
    merchant = await current_merchant()
    # ruleid: KL301
    return jsonify(msn=merchant.msn, client_id=app.config["VIPPS_CLIENT_ID"], client_secret=app.config["VIPPS_CLIENT_SECRET"])
