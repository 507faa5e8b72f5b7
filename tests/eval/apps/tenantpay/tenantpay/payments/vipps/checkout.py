"""Checkout API v3. Unlike the other APIs it takes the key set itself in headers, no token."""
from __future__ import annotations

import logging

import requests
from django.conf import settings

from tenantpay.payments.vipps.constants import CHECKOUT_PATH, SUBSCRIPTION_KEY_HEADER
from tenantpay.payments.vipps.errors import VippsError

logger = logging.getLogger(__name__)


def _loggable(headers: dict) -> dict:
    """Headers for the debug log, without the secret."""
    return {k: v for k, v in headers.items() if k != "client_secret"}


class CheckoutClient:
    def __init__(self, keys, base_url: str | None = None):
        self.keys = keys
        self.base_url = (base_url or settings.VIPPS_BASE_URL).rstrip("/")

    def _checkout_headers(self, msn: str) -> dict:
        return {
            "client_id": self.keys.client_id,
            "client_secret": self.keys.client_secret,
            SUBSCRIPTION_KEY_HEADER: self.keys.subscription_key,
            # ruleid: KL201
            "Merchant-Serial-Number": msn,
            "Vipps-System-Name": settings.VIPPS_SYSTEM_NAME,
            "Vipps-System-Version": settings.VIPPS_SYSTEM_VERSION,
        }

    def create_session(self, session: dict, *, msn: str) -> dict:
        headers = self._checkout_headers(msn)
        # ruleid: KL401
        logger.debug("creating checkout session %s with headers %s", session["reference"], _loggable(headers))
        # ok: KL503, KL501
        resp = requests.post(f"{self.base_url}{CHECKOUT_PATH}", json=session, headers=headers, timeout=15)
        if resp.status_code >= 400:
            raise VippsError.from_response(resp)
        return resp.json()

    def get_session(self, reference: str, *, msn: str) -> dict:
        # ok: KL503
        resp = requests.get(f"{self.base_url}{CHECKOUT_PATH}/{reference}", headers=self._checkout_headers(msn), timeout=10)
        if resp.status_code >= 400:
            raise VippsError.from_response(resp)
        return resp.json()
