# eval: vulnerable
# Flask-RESTX: the merchant API's integration resource returns the partner's subscription key.
from flask import current_app
from flask_restx import Api, Resource

api = Api()
ns = api.namespace("integration")


@ns.route("/vipps")
class VippsIntegration(Resource):
    def get(self):
        cfg = current_app.config
        # ruleid: KL301
        return {"api": "https://api.vipps.no", "msn": current_merchant().msn, "subscription_key": cfg["VIPPS_SUBSCRIPTION_KEY"]}
