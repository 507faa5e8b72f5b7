# eval: vulnerable
# Flask-RESTX: the JSON body of the request names the sales unit.
import requests
from flask import Flask
from flask_restx import Api, Resource

app = Flask(__name__)
api = Api(app)


@api.route("/refunds")
class Refunds(Resource):
    def post(self):
        body = api.payload
        headers = vipps_auth_headers()
        # ruleid: KL201
        headers["Merchant-Serial-Number"] = body["merchantSerialNumber"]
        r = requests.post(f"https://api.vipps.no/epayment/v1/payments/{body['reference']}/refund", headers=headers,
                          json={"modificationAmount": body["amount"]}, timeout=10)
        return r.json(), r.status_code
