"""The right client, with the right key set, for a merchant or a job."""
from __future__ import annotations

import logging

from django.conf import settings

from tenantpay.payments.vipps.checkout import CheckoutClient
from tenantpay.payments.vipps.epayment import EPaymentClient
from tenantpay.payments.vipps.keysets import KEYSETS, keyset, merchant_keyset
from tenantpay.payments.vipps.management import ManagementClient
from tenantpay.payments.vipps.order_management import OrderManagementClient
from tenantpay.payments.vipps.qr import QrClient
from tenantpay.payments.vipps.recurring import RecurringClient
from tenantpay.payments.vipps.report import ReportClient
from tenantpay.payments.vipps.webhooks import WebhooksClient

logger = logging.getLogger(__name__)

_MAIN_API_CLIENTS = {
    "epayment": EPaymentClient,
    "webhooks": WebhooksClient,
    "qr": QrClient,
    "receipts": OrderManagementClient,
}


def keys_for(merchant):
    """The merchant's own keys if it brought them, else the platform key set."""
    if merchant.uses_own_keys:
        return merchant_keyset(merchant)
    return keyset(settings.VIPPS_KEYSET)


def main_client(api: str, merchant):
    keys = keys_for(merchant)
    # ruleid: KL401
    logger.info("%s client for %s using %r", api, merchant.slug, keys)
    return _MAIN_API_CLIENTS[api](keys)


def epayment_client(merchant) -> EPaymentClient:
    return main_client("epayment", merchant)


def checkout_client(merchant) -> CheckoutClient:
    return CheckoutClient(keys_for(merchant))


def recurring_client(merchant, msn: str) -> RecurringClient:
    return RecurringClient(keys_for(merchant), msn=msn)


def management_client() -> ManagementClient:
    keys = keyset("management")
    # ok: KL401
    logger.info("management client with key set %s (%s), fingerprint %s", keys.name, keys.kind, keys.fingerprint())
    return ManagementClient(keys)


def report_client() -> ReportClient:
    """For the nightly reconciliation; settings.REPORT_KEYSET names the key set per environment."""
    return ReportClient(KEYSETS[settings.REPORT_KEYSET])
