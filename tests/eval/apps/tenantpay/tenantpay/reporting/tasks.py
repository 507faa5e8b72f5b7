"""Nightly reconciliation of our ledger with Vipps MobilePay's settlement reports."""
from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task

from tenantpay.merchants.models import SalesUnit
from tenantpay.payments.vipps.factory import report_client
from tenantpay.reporting.models import SettlementLine

logger = logging.getLogger(__name__)


@shared_task
def reconcile_all():
    for unit in SalesUnit.objects.filter(report_consent=True).exclude(ledger_id=""):
        reconcile_sales_unit.delay(unit.pk)


@shared_task(bind=True, max_retries=3)
def reconcile_sales_unit(self, unit_id: int):
    unit = SalesUnit.objects.get(pk=unit_id)
    client = report_client()
    last = SettlementLine.objects.filter(sales_unit=unit).order_by("-id").first()
    cursor = last.cursor if last else ""
    while True:
        page = client.funds_feed(unit.ledger_id, cursor=cursor)
        for item in page.get("items", []):
            SettlementLine.objects.update_or_create(
                sales_unit=unit, reference=item["reference"], kind=item["entryType"], ledger_date=item["ledgerDate"],
                defaults={"amount_ore": item["ledgerAmount"], "cursor": page["cursor"]},
            )
        cursor = page.get("cursor", "")
        if not page.get("tryLater") and not page.get("items"):
            break
    yesterday = dt.date.today() - dt.timedelta(days=1)
    fees = client.fees(unit.ledger_id, yesterday)
    # ok: KL401
    logger.info("reconciled sales unit %s (ledger %s): %s fee lines for %s", unit.msn, unit.ledger_id, len(fees.get("items", [])), yesterday)
