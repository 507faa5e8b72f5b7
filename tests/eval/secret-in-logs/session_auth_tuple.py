# eval: vulnerable
import logging

import requests

log = logging.getLogger(__name__)


def management_session(client_id, client_secret):
    session = requests.Session()
    session.auth = (client_id, client_secret)
    # ruleid: KL401
    log.debug("management session auth=%s", session.auth)
    return session
