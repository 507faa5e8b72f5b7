# eval: vulnerable
# A POS set-up endpoint that gives the merchant's terminal the partner's Vipps credentials.
from flask import Flask, jsonify
from flask_login import current_user, login_required

from .vipps import VippsClient

app = Flask(__name__)
vipps = VippsClient.from_env()


@app.route("/pos/config")
@login_required
def pos_config():
    merchant = current_user.merchant
    # ruleid: KL301
    return jsonify({"msn": merchant.msn, "clientId": vipps.client_id, "clientSecret": vipps.client_secret})
