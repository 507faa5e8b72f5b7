"""Thin client for the Vipps MobilePay APIs, authenticated with ShopHub's partner keys."""
import logging
import time
import uuid

import requests

from shophub import settings

logger = logging.getLogger(__name__)


class VippsClient:
    """One client for every merchant: partner keys plus the Merchant-Serial-Number header."""

    def __init__(
        self,
        base_url=settings.API_BASE_URL,
        client_id=settings.PARTNER_CLIENT_ID,
        client_secret=settings.PARTNER_CLIENT_SECRET,
        subscription_key=settings.PARTNER_SUBSCRIPTION_KEY,
    ):
        self.base_url = base_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.subscription_key = subscription_key
        self.session = requests.Session()
        self._token = None
        self._token_expires = 0.0

    def access_token(self):
        if self._token and time.time() < self._token_expires - 60:
            return self._token
        headers = {
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "Ocp-Apim-Subscription-Key": self.subscription_key,
            **settings.SYSTEM_HEADERS,
        }
        # ruleid: KL401
        logger.debug("POST /accesstoken/get headers=%s", headers)
        resp = self.session.post(f"{self.base_url}/accesstoken/get", headers=headers, timeout=10)
        # ok: KL401
        logger.info("access token request: HTTP %s", resp.status_code)
        resp.raise_for_status()
        body = resp.json()
        self._token = body["access_token"]
        self._token_expires = time.time() + int(body["expires_in"])
        return self._token

    def _auth_headers(self):
        return {
            "Authorization": f"Bearer {self.access_token()}",
            "Ocp-Apim-Subscription-Key": self.subscription_key,
            **settings.SYSTEM_HEADERS,
        }

    def create_payment(self, msn, amount_minor, reference, return_url, phone=None):
        headers = self._auth_headers()
        # ok: KL201
        headers["Merchant-Serial-Number"] = msn
        headers["Idempotency-Key"] = reference
        body = {
            "amount": {"currency": "NOK", "value": amount_minor},
            "paymentMethod": {"type": "WALLET"},
            "reference": reference,
            "returnUrl": return_url,
            "userFlow": "PUSH_MESSAGE" if phone else "WEB_REDIRECT",
            "paymentDescription": f"ShopHub order {reference}",
        }
        if phone:
            body["customer"] = {"phoneNumber": phone}
        # ok: KL503
        resp = self.session.post(f"{self.base_url}/epayment/v1/payments", json=body, headers=headers, timeout=15)
        # ok: KL401
        logger.info("created payment %s for msn %s: HTTP %s", reference, msn, resp.status_code)
        resp.raise_for_status()
        return resp.json()

    def capture_payment(self, msn, reference, amount_minor):
        headers = self._auth_headers()
        # ruleid: KL201
        headers["Merchant-Serial-Number"] = msn
        headers["Idempotency-Key"] = str(uuid.uuid4())
        body = {"modificationAmount": {"currency": "NOK", "value": amount_minor}}
        resp = self.session.post(f"{self.base_url}/epayment/v1/payments/{reference}/capture", json=body, headers=headers, timeout=15)
        resp.raise_for_status()
        return resp.json()

    def refund_payment(self, msn, reference, amount_minor):
        # ok: KL201
        headers = {**self._auth_headers(), "Merchant-Serial-Number": msn, "Idempotency-Key": str(uuid.uuid4())}
        body = {"modificationAmount": {"currency": "NOK", "value": amount_minor}}
        resp = self.session.post(f"{self.base_url}/epayment/v1/payments/{reference}/refund", json=body, headers=headers, timeout=15)
        resp.raise_for_status()
        return resp.json()

    def cancel_payment(self, reference):
        # ruleid: KL503
        resp = self.session.post(f"{self.base_url}/epayment/v1/payments/{reference}/cancel", headers=self._auth_headers(), timeout=15)
        resp.raise_for_status()
        return resp.json()

    def get_sales_unit(self, msn):
        # ruleid: KL201
        resp = self.session.get(f"{self.base_url}/management/v1/sales-units/{msn}", headers=self._auth_headers(), timeout=10)
        resp.raise_for_status()
        return resp.json()
