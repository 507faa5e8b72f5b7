"""Tests for VippsClient; the HTTP session is a mock, nothing leaves the machine."""
import os
import sys
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# ok: KL103
os.environ.setdefault("VIPPS_CLIENT_ID", "test-client-id")
# ok: KL101
os.environ.setdefault("VIPPS_CLIENT_SECRET", "fake-client-secret")

from shophub.vipps_client import VippsClient  # noqa: E402

# ok: KL103
ORDER_UUID = "c8aac5cb-1f7f-4fef-a390-51f1a56e49da"
REFERENCE = f"shophub-1042-{ORDER_UUID[:8]}"
TEST_MSN = "2345671"


def make_client(**keys):
    client = VippsClient(base_url="https://api.vipps.no", **keys)
    client.session = mock.Mock()
    token = mock.Mock(status_code=200)
    token.json.return_value = {"access_token": "fake-access-token", "token_type": "Bearer", "expires_in": 86400}
    payment = mock.Mock(status_code=201)
    payment.json.return_value = {"reference": REFERENCE, "redirectUrl": "https://pay.vipps.no/landing?token=fake"}
    client.session.post.side_effect = [token, payment]
    return client


def test_token_request_sends_the_key_headers():
    # ok: KL101
    client = make_client(client_id="client-id-for-tests", client_secret="fake-client-secret", subscription_key="fake-subscription-key")
    assert client.access_token() == "fake-access-token"
    url = client.session.post.call_args.args[0]
    headers = client.session.post.call_args.kwargs["headers"]
    assert url == "https://api.vipps.no/accesstoken/get"
    assert headers["client_id"] == "client-id-for-tests"
    assert headers["Ocp-Apim-Subscription-Key"] == "fake-subscription-key"


def test_token_is_cached():
    client = make_client(client_id="client-id-for-tests", client_secret="fake-client-secret")
    client.access_token()
    client.access_token()
    assert client.session.post.call_count == 1


def test_create_payment_names_the_sales_unit():
    # Reproduces the 401 we saw in staging; keys copied from the staging .env.
    # ruleid: KL101
    client = make_client(client_id="client-id-for-tests", client_secret="t2fH1yTCZcImB67WH6KHzAwkKQD7OM3GrtadJzcJ", subscription_key="fake-subscription-key")
    result = client.create_payment(TEST_MSN, 49900, REFERENCE, "https://shophub.example/return")
    headers = client.session.post.call_args.kwargs["headers"]
    assert headers["Merchant-Serial-Number"] == TEST_MSN
    assert headers["Authorization"] == "Bearer fake-access-token"
    assert result["reference"] == REFERENCE
