"""Access tokens per key set, cached in Redis until shortly before they expire.

Merchant and partner keys use the standard flow (POST /accesstoken/get, keys in headers);
management and accounting keys the specialized one (POST /miami/v1/token, Basic auth).
"""
from __future__ import annotations

import logging
import threading

import requests
from django.conf import settings
from django.core.cache import cache

from tenantpay.payments.vipps.constants import SPECIALIZED_TOKEN_PATH, SUBSCRIPTION_KEY_HEADER, TOKEN_PATH
from tenantpay.payments.vipps.errors import VippsAuthError

logger = logging.getLogger(__name__)

REFRESH_MARGIN_S = 120


class TokenClient:
    def __init__(self, keys, base_url: str | None = None, session: requests.Session | None = None):
        self.keys = keys
        self.base_url = (base_url or settings.VIPPS_BASE_URL).rstrip("/")
        self.session = session or requests.Session()
        self._lock = threading.Lock()

    @property
    def cache_key(self) -> str:
        return f"vipps:token:{self.keys.name}:{self.keys.fingerprint()}"

    def get(self) -> str:
        token = cache.get(self.cache_key)
        if token:
            return token
        with self._lock:
            token, expires_in = self._fetch()
            ttl = max(expires_in - REFRESH_MARGIN_S, 0)
            cache.set(self.cache_key, token, ttl)
            # ok: KL401
            logger.info("cached a new Vipps token for key set %s (%s) for %ss", self.keys.name, self.keys.kind, ttl)
            # ruleid: KL401
            logger.debug("token %s expires in %ss", token, expires_in)
            return token

    def invalidate(self) -> None:
        cache.delete(self.cache_key)

    def _fetch(self) -> tuple[str, int]:
        if self.keys.uses_specialized_auth:
            resp = self._specialized()
        else:
            resp = self._standard()
        if resp.status_code != 200:
            raise VippsAuthError.from_response(resp)
        body = resp.json()
        return body["access_token"], int(body["expires_in"])

    def _standard(self):
        # ok: KL503, KL501
        return self.session.post(
            self.base_url + TOKEN_PATH,
            headers={
                "client_id": self.keys.client_id,
                "client_secret": self.keys.client_secret,
                SUBSCRIPTION_KEY_HEADER: self.keys.subscription_key,
                "Vipps-System-Name": settings.VIPPS_SYSTEM_NAME,
                "Vipps-System-Version": settings.VIPPS_SYSTEM_VERSION,
            },
            timeout=10,
        )

    def _specialized(self):
        # ok: KL501
        return self.session.post(
            self.base_url + SPECIALIZED_TOKEN_PATH,
            auth=(self.keys.client_id, self.keys.client_secret),
            data={"grant_type": "client_credentials"},
            timeout=10,
        )
