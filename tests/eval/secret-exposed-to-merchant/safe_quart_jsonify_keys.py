# eval: safe
# Quart: the settings endpoint returns the merchant's MSN and whether the partner keys are configured.
from quart import Quart, jsonify

app = Quart(__name__)
app.config.from_prefixed_env("VIPPS")


@app.get("/api/vipps/settings")
async def vipps_settings():
    merchant = await current_merchant()
    configured = bool(app.config["VIPPS_CLIENT_ID"]) and bool(app.config["VIPPS_CLIENT_SECRET"])
    return jsonify(msn=merchant.msn, client_secret_configured=configured)
