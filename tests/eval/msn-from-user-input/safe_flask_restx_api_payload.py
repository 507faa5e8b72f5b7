# eval: safe
# Flask-RESTX: the JSON body names the payment; the sales unit is the logged-in merchant's own.
import requests
from flask import Flask
from flask_login import current_user
from flask_restx import Api, Resource

app = Flask(__name__)
api = Api(app)


@api.route("/refunds")
class Refunds(Resource):
    def post(self):
        body = api.payload
        headers = vipps_auth_headers()
        headers["Merchant-Serial-Number"] = current_user.merchant.msn
        r = requests.post(f"https://api.vipps.no/epayment/v1/payments/{body['reference']}/refund", headers=headers,
                          json={"modificationAmount": body["amount"]}, timeout=10)
        return r.json(), r.status_code
