"""Registering our callback URL for a sales unit's payment events."""
from __future__ import annotations

import logging

from django.conf import settings

from tenantpay.payments.models import WebhookSubscription
from tenantpay.payments.vipps.factory import main_client

logger = logging.getLogger(__name__)


def register_webhook(merchant, sales_unit) -> WebhookSubscription:
    client = main_client("webhooks", merchant)
    url = f"{settings.PUBLIC_BASE_URL}/payments/webhooks/{sales_unit.msn}/"
    created = client.register(sales_unit, url, settings.VIPPS_WEBHOOK_EVENTS)
    subscription, _ = WebhookSubscription.objects.update_or_create(
        sales_unit=sales_unit,
        defaults={"vipps_id": created["id"], "secret": created["secret"], "events": settings.VIPPS_WEBHOOK_EVENTS},
    )
    # ok: KL401
    logger.info("registered webhook %s for sales unit %s", created["id"], sales_unit.msn)
    # ruleid: KL401
    logger.debug("webhook %s secret %s", created["id"], created["secret"])
    return subscription


def known_webhooks(merchant) -> list[dict]:
    return main_client("webhooks", merchant).list()
