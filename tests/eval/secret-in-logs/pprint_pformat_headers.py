# eval: vulnerable
# pprint: the request headers are pretty-printed into a debug log line.
import logging
import pprint

import requests
from django.conf import settings

log = logging.getLogger(__name__)


def create_agreement(body, token):
    headers = {"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": settings.VIPPS_SUBSCRIPTION_KEY,
               "Merchant-Serial-Number": settings.VIPPS_MSN}
    # ruleid: KL401
    log.debug("POST /recurring/v3/agreements\n%s", pprint.pformat(headers))
    return requests.post("https://api.vipps.no/recurring/v3/agreements", headers=headers, json=body)
