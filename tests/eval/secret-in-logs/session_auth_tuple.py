# eval: vulnerable
import logging

import requests

log = logging.getLogger(__name__)

MANAGEMENT_API = "https://api.vipps.no/management/v1"


def management_session(client_id, client_secret):
    session = requests.Session()
    session.auth = (client_id, client_secret)
    # ruleid: KL401
    log.debug("management session auth=%s", session.auth)
    return session


def sales_units(session, scheme, org_no):
    return session.get(f"{MANAGEMENT_API}/merchants/{scheme}/{org_no}/sales-units", timeout=10).json()
