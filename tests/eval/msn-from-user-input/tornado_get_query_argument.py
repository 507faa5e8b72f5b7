# eval: vulnerable
# Tornado: a GET handler takes the sales unit from the query string.
import json

import tornado.web
from tornado.httpclient import AsyncHTTPClient


class PaymentHandler(tornado.web.RequestHandler):
    async def get(self):
        reference = self.get_query_argument("reference")
        msn = self.get_query_argument("msn")
        # ruleid: KL201
        headers = {**await vipps_headers(), "Merchant-Serial-Number": msn}
        resp = await AsyncHTTPClient().fetch(f"https://api.vipps.no/epayment/v1/payments/{reference}", headers=headers)
        self.write(json.loads(resp.body))
