# eval: vulnerable
# Celery: the view queues the key with the job, and the task logs its arguments.
import logging

from celery import shared_task
from django.conf import settings

logger = logging.getLogger(__name__)


@shared_task
def sync_sales_units(partner_secret, msn):
    # ruleid: KL401
    logger.info("sync %s with %s", msn, partner_secret)
    return vipps_management_sync(msn)


def trigger(request):
    sync_sales_units.delay(settings.VIPPS_PARTNER_SECRET, request.user.merchant.msn)
