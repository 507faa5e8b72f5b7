"""Production."""
from .base import *  # noqa: F401,F403

# The accounting keys are not issued yet: read the ledgers with the partner keys meanwhile.
REPORT_KEYSET = "partner"
