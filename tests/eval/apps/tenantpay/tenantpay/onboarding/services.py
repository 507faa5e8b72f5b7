"""Onboarding steps after Vipps MobilePay approved a merchant's sales unit."""
from __future__ import annotations

import logging

from django.db import transaction

from tenantpay.merchants.emails import send_onboarding_done, send_pos_setup_instructions
from tenantpay.merchants.models import SalesUnit
from tenantpay.payments.services.webhooks import register_webhook
from tenantpay.payments.vipps.factory import management_client
from tenantpay.payments.vipps.keysets import keyset
from tenantpay.payments.vipps.management import ManagementClient

logger = logging.getLogger(__name__)


@transaction.atomic
def activate_sales_unit(unit: SalesUnit) -> SalesUnit:
    """Called by our staff from the admin once Vipps MobilePay approved the sales unit."""
    details = management_client().get_sales_unit(unit.msn)
    unit.name = details.get("name", unit.name)
    unit.primary = not unit.merchant.sales_units.filter(primary=True).exists()
    unit.save(update_fields=["name", "primary"])
    register_webhook(unit.merchant, unit)
    send_onboarding_done(unit.merchant, unit)
    if unit.devices.exists():
        send_pos_setup_instructions(unit.merchant, unit)
    return unit


def record_accounting_consent(merchant) -> list[SalesUnit]:
    """The merchant consented to us reading its settlements: find its ledgers.

    The accounting keys are the ones the consent is registered for, so they list the merchant's
    sales units too.
    """
    client = ManagementClient(keyset("accounting"))
    units = []
    for found in client.merchant_sales_units(merchant.org_number):
        unit = merchant.sales_units.filter(msn=found["msn"]).first()
        if unit is not None:
            unit.report_consent = True
            unit.save(update_fields=["report_consent"])
            units.append(unit)
    # ok: KL401
    logger.info("accounting consent for %s covers %d sales units", merchant.slug, len(units))
    return units
