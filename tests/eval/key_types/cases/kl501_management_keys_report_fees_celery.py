"""Celery task: store yesterday's fee report for each onboarded sales unit."""
import datetime as dt

import requests
from celery import shared_task
from django.conf import settings

from billing.models import FeeReport, Ledger

VIPPS_BASE_URL = "https://api.vipps.no"


def _management_token() -> str:
    resp = requests.post(
        f"{VIPPS_BASE_URL}/miami/v1/token",
        auth=(settings.VIPPS_MANAGEMENT_CLIENT_ID, settings.VIPPS_MANAGEMENT_CLIENT_SECRET),
        data={"grant_type": "client_credentials"},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


@shared_task(bind=True, max_retries=3)
def store_fee_reports(self):
    token = _management_token()
    day = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    for ledger in Ledger.objects.filter(active=True):
        # ruleid: KL501
        resp = requests.get(
            f"{VIPPS_BASE_URL}/report/v2/ledgers/{ledger.ledger_id}/fees/dates/{day}",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        if resp.status_code >= 500:
            raise self.retry(countdown=120)
        resp.raise_for_status()
        FeeReport.objects.update_or_create(ledger=ledger, day=day, defaults={"items": resp.json()["items"]})
