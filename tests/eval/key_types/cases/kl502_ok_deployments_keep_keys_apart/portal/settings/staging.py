"""Staging runs against the Vipps MobilePay test environment, with our test sales unit's keys."""
from .base import *  # noqa: F401,F403

VIPPS_BASE_URL = "https://apitest.vipps.no"
VIPPS_KEYSET = "merchant"
