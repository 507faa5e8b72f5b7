"""Base class of the main-API clients (ePayment, Recurring, Webhooks, QR, Order Management)."""
from __future__ import annotations

import logging
import uuid

import requests
from django.conf import settings

from tenantpay.core.redaction import redact_headers
from tenantpay.payments.vipps.constants import SUBSCRIPTION_KEY_HEADER
from tenantpay.payments.vipps.errors import VippsError
from tenantpay.payments.vipps.tokens import TokenClient

logger = logging.getLogger(__name__)


class VippsClient:
    def __init__(self, keys, tokens: TokenClient | None = None, base_url: str | None = None):
        self.keys = keys
        self.base_url = (base_url or settings.VIPPS_BASE_URL).rstrip("/")
        self.tokens = tokens or TokenClient(keys, self.base_url)
        self.session = requests.Session()
        self.session.headers.update(
            {
                SUBSCRIPTION_KEY_HEADER: keys.subscription_key,
                "Vipps-System-Name": settings.VIPPS_SYSTEM_NAME,
                "Vipps-System-Version": settings.VIPPS_SYSTEM_VERSION,
                "Vipps-System-Plugin-Name": settings.VIPPS_PLUGIN_NAME,
                "Vipps-System-Plugin-Version": settings.VIPPS_PLUGIN_VERSION,
            }
        )
        self.session.hooks["response"].append(self._log_response)
        # ruleid: KL401
        logger.debug("%s ready for %s with session headers %s", type(self).__name__, self.base_url, self.session.headers)

    def _headers(self, msn: str | None = None, idempotency_key: str | None = None) -> dict:
        """Per-request headers: the bearer token, the sales unit acted for and an idempotency key."""
        headers = {"Authorization": f"Bearer {self.tokens.get()}"}
        if msn is not None:
            # ruleid: KL201
            headers["Merchant-Serial-Number"] = str(msn)
        headers["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
        return headers

    @staticmethod
    def _json(resp) -> dict:
        if resp.status_code >= 400:
            raise VippsError.from_response(resp)
        return resp.json() if resp.content else {}

    def _log_response(self, resp, *args, **kwargs):
        if resp.status_code >= 500:
            # ok: KL401
            logger.warning("Vipps %s on %s, request headers %s", resp.status_code, resp.request.path_url, redact_headers(resp.request.headers))
        else:
            # ok: KL401
            logger.info("Vipps %s %s -> %s", resp.request.method, resp.request.path_url, resp.status_code)
