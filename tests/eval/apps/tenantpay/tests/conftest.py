"""Fixtures: a merchant with one sales unit, and a fake partner key set for unit tests."""
import pytest
import responses

from tenantpay.merchants.models import Membership, Merchant, SalesUnit
from tenantpay.payments.vipps.keysets import PARTNER, KeySet


@pytest.fixture
def partner_keys():
    return KeySet(
        name="partner",
        kind=PARTNER,
        # ruleid: KL103
        client_id="45be9717-c97b-4823-8afb-000ecdc10968",
        # ok: KL101
        client_secret="test-client-secret",
        # ok: KL102
        subscription_key="00000000000000000000000000000000",
    )


@pytest.fixture
def merchant(db, django_user_model):
    user = django_user_model.objects.create_user("owner@kaffebar.example", password="pw")
    merchant = Merchant.objects.create(name="Kaffebar", slug="kaffebar", org_number="999888777",
                                       contact_email="owner@kaffebar.example")
    Membership.objects.create(user=user, merchant=merchant, role="owner")
    SalesUnit.objects.create(merchant=merchant, msn="123456", name="Kaffebar Grünerløkka", primary=True)
    return merchant


@pytest.fixture
def mocked_vipps():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock
