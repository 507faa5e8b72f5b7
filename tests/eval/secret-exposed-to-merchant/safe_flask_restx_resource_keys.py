# eval: safe
# Flask-RESTX: the integration resource returns the API host, the MSN and the key's last four characters.
from flask import current_app
from flask_restx import Api, Resource

api = Api()
ns = api.namespace("integration")


@ns.route("/vipps")
class VippsIntegration(Resource):
    def get(self):
        cfg = current_app.config
        return {"api": "https://api.vipps.no", "msn": current_merchant().msn, "subscription_key_last4": cfg["VIPPS_SUBSCRIPTION_KEY"][-4:]}
