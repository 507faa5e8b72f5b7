# eval: safe
# Huey: the task is called with the MSN and logs only it; the key set is read inside the task.
import logging

from django.conf import settings
from huey.contrib.djhuey import task

logger = logging.getLogger("shop.vipps")


@task()
def sync_agreements(msn):
    keys = settings.VIPPS
    logger.debug("syncing agreements for %s", msn)
    return recurring_sync("https://api.vipps.no/recurring/v3/agreements", keys, msn)


def nightly():
    for msn in active_msns():
        sync_agreements(msn)
