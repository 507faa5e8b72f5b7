# eval: safe
# A startup check that logs only what identifies the configured keys: hash, length, presence, a prefix, a mask.
import hashlib
import logging
import os

logger = logging.getLogger("vipps.config")


def mask_secret(value: str) -> str:
    return value[:2] + "*" * 8 if value else ""


def log_vipps_config() -> None:
    client_secret = os.environ.get("MOBILEPAY_CLIENT_SECRET", "")
    subscription_key = os.environ.get("MOBILEPAY_SUBSCRIPTION_KEY", "")
    logger.info("client secret sha256=%s", hashlib.sha256(client_secret.encode()).hexdigest()[:12])
    logger.info("subscription key length=%d set=%s", len(subscription_key), bool(subscription_key))
    logger.info("subscription key starts %s…, secret %s", subscription_key[:4], mask_secret(client_secret))
