# eval: safe
# Flask-RESTful reqparse: the chosen MSN is checked against the user's own sales units.
import requests
from flask_login import current_user
from flask_restful import Resource, abort, reqparse

parser = reqparse.RequestParser()
parser.add_argument("msn", type=str, required=True)
parser.add_argument("reference", type=str, required=True)


class Cancel(Resource):
    def post(self):
        args = parser.parse_args()
        if args["msn"] not in current_user.msns:
            abort(403)
        headers = {**partner_headers(), "Merchant-Serial-Number": args["msn"]}
        return requests.post(f"https://api.vipps.no/epayment/v1/payments/{args['reference']}/cancel", headers=headers).json()
