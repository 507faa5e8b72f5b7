# eval: vulnerable
# attrs: a config class whose defaults read the Vipps keys is returned whole by the status endpoint.
import os

import attrs
from flask import Flask, jsonify

app = Flask(__name__)


@attrs.define
class VippsConfig:
    base_url: str = "https://api.vipps.no"
    client_id: str = attrs.field(factory=lambda: os.environ["VIPPS_CLIENT_ID"])
    client_secret: str = attrs.field(factory=lambda: os.environ["VIPPS_CLIENT_SECRET"])


@app.get("/merchant/vipps/status")
def status():
    # ruleid: KL301
    return jsonify(attrs.asdict(VippsConfig()))
