# eval: safe
# Falcon: the terminal endpoint returns a short-lived session id of our own proxy.
import falcon


class TerminalTokenResource:
    def __init__(self, vipps, sessions):
        self.vipps, self.sessions = vipps, sessions

    def on_get(self, req, resp):
        session_id = self.sessions.open(req.context.terminal)
        resp.media = {"sessionId": session_id, "api": "/pos/proxy/epayment/v1"}
