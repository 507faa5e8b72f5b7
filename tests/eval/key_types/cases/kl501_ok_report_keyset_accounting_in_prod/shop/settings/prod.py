"""Production."""
from .base import *  # noqa: F401,F403

DEBUG = False
# Partner keys for the main APIs; the settlement import keeps the accounting keys (base default).
MAIN_API_KEYSET = "partner"
