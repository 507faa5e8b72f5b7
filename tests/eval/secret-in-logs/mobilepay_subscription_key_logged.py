# eval: vulnerable
# The same startup check, printing the subscription key itself.
import hashlib
import logging
import os

logger = logging.getLogger("vipps.config")


def log_vipps_config() -> None:
    client_secret = os.environ.get("MOBILEPAY_CLIENT_SECRET", "")
    subscription_key = os.environ.get("MOBILEPAY_SUBSCRIPTION_KEY", "")
    logger.info("client secret sha256=%s", hashlib.sha256(client_secret.encode()).hexdigest()[:12])
    # ruleid: KL401
    logger.info("subscription key=%s set=%s", subscription_key, bool(subscription_key))
