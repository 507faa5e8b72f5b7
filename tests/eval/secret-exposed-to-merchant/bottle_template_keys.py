# eval: vulnerable
# Bottle: the merchant's setup page is rendered with the partner's Vipps credentials.
import os

from bottle import route, template

VIPPS = {
    "client_id": os.environ["VIPPS_CLIENT_ID"],
    "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
    "subscription_key": os.environ["VIPPS_SUBSCRIPTION_KEY"],
}


@route("/merchant/setup")
def setup():
    # ruleid: KL301
    return template("setup", vipps=VIPPS, merchant=current_merchant())
