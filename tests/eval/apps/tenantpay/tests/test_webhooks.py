import base64
import hashlib
import hmac
import json

import pytest
from django.test import RequestFactory

from tenantpay.payments.models import WebhookSubscription
from tenantpay.payments.webhook_views import payment_event

# ok: KL101
WEBHOOK_SECRET = "q3Jt9wLx2vNf8ZrKp4YbHs7DmQc6TgWe1UaXo5Ri"


def signed_request(path: str, body: dict, secret: str):
    raw = json.dumps(body).encode()
    content_hash = base64.b64encode(hashlib.sha256(raw).digest()).decode()
    date = "Tue, 12 Nov 2024 10:00:00 GMT"
    signed = f"POST\n{path}\n{date}\n{content_hash}\ntestserver"
    signature = base64.b64encode(hmac.new(secret.encode(), signed.encode(), hashlib.sha256).digest()).decode()
    return RequestFactory().post(
        path, raw, content_type="application/json",
        HTTP_X_MS_DATE=date, HTTP_X_MS_CONTENT_SHA256=content_hash,
        HTTP_AUTHORIZATION=f"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}",
    )


@pytest.mark.django_db
def test_signed_event_updates_the_order(merchant):
    unit = merchant.sales_units.get()
    WebhookSubscription.objects.create(sales_unit=unit, vipps_id="wh-1", secret=WEBHOOK_SECRET)
    request = signed_request(f"/payments/webhooks/{unit.msn}/", {"reference": "order-1", "name": "CAPTURED"}, WEBHOOK_SECRET)
    assert payment_event(request, msn=unit.msn).status_code == 204


@pytest.mark.django_db
def test_bad_signature_is_refused(merchant):
    unit = merchant.sales_units.get()
    WebhookSubscription.objects.create(sales_unit=unit, vipps_id="wh-1", secret=WEBHOOK_SECRET)
    request = signed_request(f"/payments/webhooks/{unit.msn}/", {"reference": "order-1", "name": "CAPTURED"}, "other")
    assert payment_event(request, msn=unit.msn).status_code == 403
