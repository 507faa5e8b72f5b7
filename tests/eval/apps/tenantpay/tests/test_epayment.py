import pytest
import responses

from tenantpay.payments.vipps.epayment import EPaymentClient
from tenantpay.payments.vipps.errors import VippsError


class FixedTokens:
    def get(self):
        return "fake-token"


@pytest.fixture
def client(partner_keys):
    return EPaymentClient(partner_keys, tokens=FixedTokens(), base_url="https://apitest.vipps.no")


def test_capture_names_the_sales_unit(client, mocked_vipps):
    mocked_vipps.add(responses.POST, "https://apitest.vipps.no/epayment/v1/payments/order-1/capture",
                     json={"reference": "order-1", "state": "AUTHORIZED"})
    client.capture("order-1", {"currency": "NOK", "value": 1000}, msn="123456", idempotency_key="k1")
    sent = mocked_vipps.calls[0].request.headers
    assert sent["Merchant-Serial-Number"] == "123456"
    assert sent["Idempotency-Key"] == "k1"


def test_errors_carry_the_problem(client, mocked_vipps):
    mocked_vipps.add(responses.POST, "https://apitest.vipps.no/epayment/v1/payments/order-2/capture", status=400,
                     json={"title": "Capture amount too high", "status": 400})
    with pytest.raises(VippsError) as err:
        client.capture("order-2", {"currency": "NOK", "value": 10**9}, msn="123456", idempotency_key="k2")
    assert err.value.status == 400
    assert err.value.problem["title"] == "Capture amount too high"
