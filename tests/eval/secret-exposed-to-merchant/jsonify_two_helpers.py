# eval: vulnerable
import os

from flask import jsonify

CLIENT_ID = os.environ["VIPPS_CLIENT_ID"]
CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]


def credentials():
    return {"clientId": CLIENT_ID, "clientSecret": CLIENT_SECRET}


def terminal_config(merchant):
    config = {"msn": merchant.msn, "environment": "production"}
    config.update(credentials())
    return config


def pos_bootstrap(merchant_id):
    merchant = load_merchant(merchant_id)
    # ruleid: KL301
    return jsonify(terminal_config(merchant))
