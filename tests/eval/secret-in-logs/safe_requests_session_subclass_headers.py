# eval: safe
# requests: a Session subclass sets the Vipps headers in __init__; a debug line names them.
import logging
import os

import requests

log = logging.getLogger(__name__)


class VippsSession(requests.Session):
    def __init__(self):
        super().__init__()
        self.headers.update({"Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"], "Vipps-System-Name": "partner-pos"})


def payment(reference):
    session = VippsSession()
    log.debug("session headers %s", list(session.headers.keys()))
    return session.get(f"https://api.vipps.no/epayment/v1/payments/{reference}").json()
