# eval: safe
# Bottle: the setup page is rendered with whether the keys are set, none of them shown.
import os

from bottle import route, template

VIPPS = {
    "client_id": os.environ["VIPPS_CLIENT_ID"],
    "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
    "subscription_key": os.environ["VIPPS_SUBSCRIPTION_KEY"],
}


@route("/merchant/setup")
def setup():
    shown = {"keys_set": all(VIPPS.values())}
    return template("setup", vipps=shown, merchant=current_merchant())
