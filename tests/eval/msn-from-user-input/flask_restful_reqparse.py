# eval: vulnerable
# Flask-RESTful reqparse: the parsed arguments are the request's.
import requests
from flask_restful import Resource, reqparse

parser = reqparse.RequestParser()
parser.add_argument("msn", type=str, required=True)
parser.add_argument("reference", type=str, required=True)


class Cancel(Resource):
    def post(self):
        args = parser.parse_args()
        # ruleid: KL201
        headers = {**partner_headers(), "Merchant-Serial-Number": args["msn"]}
        return requests.post(f"https://api.vipps.no/epayment/v1/payments/{args['reference']}/cancel", headers=headers).json()
