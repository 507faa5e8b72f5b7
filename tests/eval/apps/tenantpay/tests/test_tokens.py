import pytest
import responses
from django.core.cache import cache

from tenantpay.payments.vipps.tokens import REFRESH_MARGIN_S, TokenClient


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def test_token_is_cached_until_shortly_before_expiry(partner_keys, mocked_vipps):
    mocked_vipps.add(
        responses.POST,
        "https://apitest.vipps.no/accesstoken/get",
        # ok: KL104
        json={"access_token": "fake-token-1", "token_type": "Bearer", "expires_in": 3600},
    )
    tokens = TokenClient(partner_keys, base_url="https://apitest.vipps.no")
    assert tokens.get() == "fake-token-1"
    assert tokens.get() == "fake-token-1"
    assert len(mocked_vipps.calls) == 1
    assert 0 < cache.ttl(tokens.cache_key) <= 3600 - REFRESH_MARGIN_S


def test_specialized_auth_for_accounting_keys(mocked_vipps):
    from tenantpay.payments.vipps.keysets import ACCOUNTING, KeySet

    keys = KeySet(name="accounting", kind=ACCOUNTING, client_id="test-accounting-id", client_secret="test-accounting-secret")
    mocked_vipps.add(responses.POST, "https://api.vipps.no/miami/v1/token",
                     json={"access_token": "fake-token-2", "token_type": "Bearer", "expires_in": 900})
    assert TokenClient(keys, base_url="https://api.vipps.no").get() == "fake-token-2"
    assert mocked_vipps.calls[0].request.headers["Authorization"].startswith("Basic ")
