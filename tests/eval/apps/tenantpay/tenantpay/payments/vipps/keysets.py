"""The Vipps MobilePay key sets TenantPay holds, chosen by name.

partner     our partner keys: main APIs for every sales unit registered to us (MSN header!)
management  management keys: the Management API only (specialized auth)
accounting  accounting keys: the Report API only (specialized auth)
sandbox     the MT test merchant we develop against (apitest only)
merchant:*  a merchant's own keys, built per merchant (see merchant_keyset)
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PARTNER, MERCHANT, MANAGEMENT, ACCOUNTING = "partner", "merchant", "management", "accounting"


@dataclass(frozen=True)
class KeySet:
    name: str
    kind: str
    client_id: str
    client_secret: str
    subscription_key: str = ""

    @property
    def uses_specialized_auth(self) -> bool:
        return self.kind in (MANAGEMENT, ACCOUNTING)

    @property
    def is_merchant(self) -> bool:
        return self.kind == MERCHANT

    def fingerprint(self) -> str:
        """Tells key sets apart in logs and on screens without showing them."""
        return hashlib.sha256(f"{self.client_id}:{self.client_secret}".encode()).hexdigest()[:12]


KEYSETS = {
    "partner": KeySet(
        name="partner",
        kind=PARTNER,
        client_id=settings.VIPPS_PARTNER_CLIENT_ID,
        client_secret=settings.VIPPS_PARTNER_CLIENT_SECRET,
        subscription_key=settings.VIPPS_PARTNER_SUBSCRIPTION_KEY,
    ),
    "management": KeySet(
        name="management",
        kind=MANAGEMENT,
        client_id=settings.VIPPS_MANAGEMENT_CLIENT_ID,
        client_secret=settings.VIPPS_MANAGEMENT_CLIENT_SECRET,
    ),
    "accounting": KeySet(
        name="accounting",
        kind=ACCOUNTING,
        client_id=settings.VIPPS_ACCOUNTING_CLIENT_ID,
        client_secret=settings.VIPPS_ACCOUNTING_CLIENT_SECRET,
    ),
    # MT test merchant "TenantPay Dev" (sales unit 231441). Test environment only, so the keys
    # can live here and every developer gets a working checkout out of the box.
    "sandbox": KeySet(
        name="sandbox",
        kind=MERCHANT,
        # ruleid: KL103
        client_id="ae8478e3-44d0-4664-85c4-5900404acefd",
        # ruleid: KL101
        client_secret="OsrVqcLp8gXV=4kUDPbgoIhksS3kil14LFHyv1Jx",
        # ruleid: KL102
        subscription_key="979cb28c33e41621690b769b5ae76a13",
    ),
}


def keyset(name: str) -> KeySet:
    try:
        return KEYSETS[name]
    except KeyError:
        raise ImproperlyConfigured(f"unknown Vipps key set {name!r}; known: {sorted(KEYSETS)}") from None


def merchant_keyset(merchant) -> KeySet:
    """The merchant's own keys (merchants with `uses_own_keys`)."""
    creds = merchant.vipps_credentials
    return KeySet(
        name=f"merchant:{merchant.slug}",
        kind=MERCHANT,
        client_id=creds.client_id,
        client_secret=creds.client_secret,
        subscription_key=creds.subscription_key,
    )
