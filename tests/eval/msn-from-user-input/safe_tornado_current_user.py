# eval: safe
# Tornado: the amount comes from the form; the sales unit from the logged-in merchant.
import json

import tornado.web
from tornado.httpclient import AsyncHTTPClient

API = "https://api.vipps.no"


class CaptureHandler(tornado.web.RequestHandler):
    async def post(self, reference):
        msn = self.current_user.merchant.msn
        http = AsyncHTTPClient()
        headers = {**vipps_headers(), "Merchant-Serial-Number": msn}
        resp = await http.fetch(f"{API}/epayment/v1/payments/{reference}/capture", method="POST", headers=headers,
                                body=json.dumps({"modificationAmount": {"currency": "NOK", "value": int(self.get_argument("amount"))}}))
        self.write(json.loads(resp.body))
