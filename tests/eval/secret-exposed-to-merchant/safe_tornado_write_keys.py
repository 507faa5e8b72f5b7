# eval: safe
# Tornado: the POS configuration endpoint writes the proxy URL; the keys stay on the server.
import os

import tornado.web

VIPPS_CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]


class PosConfigHandler(tornado.web.RequestHandler):
    def get(self):
        merchant = self.current_user.merchant
        self.write({"msn": merchant.msn, "proxy": self.reverse_url("vipps-proxy"), "clientSecretSet": bool(VIPPS_CLIENT_SECRET)})
