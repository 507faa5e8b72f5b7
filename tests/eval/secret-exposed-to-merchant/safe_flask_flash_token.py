# eval: safe
# Flask: the test-connection button flashes the result, not the token.
import requests
from flask import flash, redirect, url_for

from .config import VIPPS_CLIENT_ID, VIPPS_CLIENT_SECRET, VIPPS_SUBSCRIPTION_KEY


@bp.post("/vipps/test")
def test_connection():
    r = requests.post("https://api.vipps.no/accesstoken/get", headers={"client_id": VIPPS_CLIENT_ID, "client_secret": VIPPS_CLIENT_SECRET,
                                                                      "Ocp-Apim-Subscription-Key": VIPPS_SUBSCRIPTION_KEY})
    expires = r.json()["expires_in"]
    flash(f"Connection OK, token valid for {expires} seconds")
    return redirect(url_for("settings.vipps"))
