# eval: safe
# pprint: the debug line pretty-prints the request body; the headers are not logged.
import logging
import pprint

import requests
from django.conf import settings

log = logging.getLogger(__name__)


def create_agreement(body, token):
    headers = {"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": settings.VIPPS_SUBSCRIPTION_KEY,
               "Merchant-Serial-Number": settings.VIPPS_MSN}
    log.debug("POST /recurring/v3/agreements\n%s", pprint.pformat(body))
    return requests.post("https://api.vipps.no/recurring/v3/agreements", headers=headers, json=body)
