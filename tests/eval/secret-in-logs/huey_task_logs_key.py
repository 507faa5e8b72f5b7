# eval: vulnerable
# Huey: a periodic sync task is called with the Vipps key set and logs it at debug level.
import logging

from django.conf import settings
from huey.contrib.djhuey import task

logger = logging.getLogger("shop.vipps")


@task()
def sync_agreements(keys, msn):
    # ruleid: KL401
    logger.debug("syncing agreements for %s using %r", msn, keys)
    return recurring_sync("https://api.vipps.no/recurring/v3/agreements", keys, msn)


def nightly():
    for msn in active_msns():
        sync_agreements(settings.VIPPS, msn)
