# eval: safe
# Tornado: the query string names the payment; the MSN is the logged-in user's merchant.
import json

import tornado.web
from tornado.httpclient import AsyncHTTPClient


class PaymentHandler(tornado.web.RequestHandler):
    @tornado.web.authenticated
    async def get(self):
        reference = self.get_query_argument("reference")
        msn = self.current_user.merchant.msn
        headers = {**await vipps_headers(), "Merchant-Serial-Number": msn}
        resp = await AsyncHTTPClient().fetch(f"https://api.vipps.no/epayment/v1/payments/{reference}", headers=headers)
        self.write(json.loads(resp.body))
