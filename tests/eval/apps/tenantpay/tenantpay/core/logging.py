"""Logging helpers shared by the API clients."""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager

from tenantpay.core.redaction import redact_headers


def get_logger(name: str) -> logging.Logger:
    return logging.getLogger(name if name.startswith("tenantpay") else f"tenantpay.{name}")


def log_exchange(logger: logging.Logger, resp) -> None:
    """One line per HTTP exchange; the request headers only with every key header masked."""
    logger.info(
        "%s %s -> %s in %.0f ms headers=%s",
        resp.request.method,
        resp.request.path_url,
        resp.status_code,
        resp.elapsed.total_seconds() * 1000,
        redact_headers(resp.request.headers),
    )


@contextmanager
def timed(logger: logging.Logger, what: str):
    started = time.monotonic()
    try:
        yield
    finally:
        logger.debug("%s took %.2fs", what, time.monotonic() - started)
