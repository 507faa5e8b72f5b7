"""Hiding key material before anything is logged, shown or stored."""
from __future__ import annotations

import hashlib

SENSITIVE_HEADERS = frozenset({"authorization", "client_id", "client_secret", "ocp-apim-subscription-key", "cookie"})


def mask(value: str | None, visible: int = 4) -> str:
    """`abcd••••••••` : enough to tell two keys apart on a support call."""
    if not value:
        return ""
    return value[:visible] + "•" * 8


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:12]


def redact_headers(headers) -> dict:
    return {name: ("[redacted]" if name.lower() in SENSITIVE_HEADERS else value) for name, value in headers.items()}
