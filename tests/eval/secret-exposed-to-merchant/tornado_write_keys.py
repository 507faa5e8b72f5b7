# eval: vulnerable
# Tornado: the merchant's POS configuration endpoint writes the partner keys.
import os

import tornado.web

VIPPS_CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]


class PosConfigHandler(tornado.web.RequestHandler):
    def get(self):
        merchant = self.current_user.merchant
        # ruleid: KL301
        self.write({"msn": merchant.msn, "clientSecret": VIPPS_CLIENT_SECRET})
