# eval: safe
# Tornado: the handler logs the reference and the MSN with app_log.
import json

import tornado.web
from tornado.httpclient import AsyncHTTPClient
from tornado.log import app_log


class CancelHandler(tornado.web.RequestHandler):
    async def post(self, reference):
        headers = {"Authorization": f"Bearer {await self.application.vipps.token()}",
                   "Ocp-Apim-Subscription-Key": self.settings["vipps_subscription_key"],
                   "Merchant-Serial-Number": self.current_user.msn}
        app_log.info("cancel %s msn=%s", reference, headers["Merchant-Serial-Number"])
        resp = await AsyncHTTPClient().fetch(f"https://api.vipps.no/epayment/v1/payments/{reference}/cancel",
                                             method="POST", headers=headers, body=b"")
        self.write(json.loads(resp.body))
