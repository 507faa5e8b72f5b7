# eval: vulnerable
# Falcon: the terminal endpoint returns the Vipps access token.
import falcon


class TerminalTokenResource:
    def __init__(self, vipps):
        self.vipps = vipps

    def on_get(self, req, resp):
        token = self.vipps.get_access_token()
        # ruleid: KL301
        resp.media = {"accessToken": token, "api": "https://api.vipps.no/epayment/v1"}
