"""Staging runs against the Vipps MobilePay test environment."""
from .base import *  # noqa: F401,F403

VIPPS_BASE_URL = "https://apitest.vipps.no"
