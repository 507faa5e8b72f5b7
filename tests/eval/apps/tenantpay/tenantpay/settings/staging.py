"""Staging: production settings with verbose logs; the Vipps switches come from deploy/staging.env."""
from .prod import *  # noqa: F401,F403

REPORT_KEYSET = "accounting"
LOGGING["loggers"]["tenantpay"]["level"] = "DEBUG"  # noqa: F405
