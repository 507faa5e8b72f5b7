# eval: safe
# attrs: the status endpoint returns the config without its secret fields.
import os

import attrs
from flask import Flask, jsonify

app = Flask(__name__)


@attrs.define
class VippsConfig:
    base_url: str = "https://api.vipps.no"
    client_id: str = attrs.field(factory=lambda: os.environ["VIPPS_CLIENT_ID"])
    client_secret: str = attrs.field(factory=lambda: os.environ["VIPPS_CLIENT_SECRET"], repr=False)


@app.get("/merchant/vipps/status")
def status():
    cfg = VippsConfig()
    return jsonify({"base_url": cfg.base_url, "client_secret_set": bool(cfg.client_secret)})
