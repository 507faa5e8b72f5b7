"""Subscriptions (Recurring agreements) sold by our merchants."""
from __future__ import annotations

import uuid

from django.conf import settings

from tenantpay.payments.models import Agreement
from tenantpay.payments.vipps.factory import recurring_client


class AgreementService:
    def __init__(self, merchant, sales_unit):
        self.merchant = merchant
        self.sales_unit = sales_unit
        self.client = recurring_client(merchant, msn=sales_unit.msn)

    def start(self, product_name: str, price_ore: int, phone: str) -> str:
        agreement = Agreement.objects.create(sales_unit=self.sales_unit, product_name=product_name, price_ore=price_ore)
        result = self.client.create_agreement(
            {
                "pricing": {"type": "LEGACY", "amount": price_ore, "currency": "NOK"},
                "interval": {"unit": "MONTH", "count": 1},
                "merchantRedirectUrl": f"{settings.PUBLIC_BASE_URL}/subscriptions/{agreement.pk}",
                "merchantAgreementUrl": f"{settings.PUBLIC_BASE_URL}/subscriptions/{agreement.pk}/manage",
                "phoneNumber": phone,
                "productName": product_name,
            },
            idempotency_key=str(uuid.uuid4()),
        )
        agreement.vipps_id = result["agreementId"]
        agreement.save(update_fields=["vipps_id"])
        return result["vippsConfirmationUrl"]

    def charge(self, agreement: Agreement, due: str) -> dict:
        return self.client.create_charge(
            agreement.vipps_id,
            {"amount": agreement.price_ore, "description": agreement.product_name, "due": due, "retryDays": 3,
             "type": "RECURRING"},
            idempotency_key=f"charge-{agreement.pk}-{due}",
        )

    def stop(self, agreement: Agreement) -> None:
        self.client.stop_agreement(agreement.vipps_id, idempotency_key=f"stop-{agreement.pk}")
