"""Keeping our copy of the sales units in step with Vipps MobilePay."""
from __future__ import annotations

import logging

from celery import shared_task

from tenantpay.merchants.models import SalesUnit
from tenantpay.payments.vipps.errors import VippsError
from tenantpay.payments.vipps.factory import management_client

logger = logging.getLogger(__name__)


@shared_task
def sync_sales_units():
    client = management_client()
    for unit in SalesUnit.objects.all():
        try:
            details = client.refresh(unit)
        except VippsError as exc:
            # ok: KL401
            logger.warning("could not refresh sales unit %s: HTTP %s", unit.msn, exc.status)
            continue
        if details.get("name") and details["name"] != unit.name:
            unit.name = details["name"]
            unit.save(update_fields=["name"])
