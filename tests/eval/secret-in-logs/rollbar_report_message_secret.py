# eval: vulnerable
# Rollbar: a configuration report sends the Vipps client secret to the error tracker.
import os

import rollbar

VIPPS_CLIENT_ID = os.environ["VIPPS_CLIENT_ID"]
VIPPS_CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]


def check_config():
    if len(VIPPS_CLIENT_SECRET) != 40:
        # ruleid: KL401
        rollbar.report_message(f"unexpected Vipps client secret {VIPPS_CLIENT_SECRET!r} for {VIPPS_CLIENT_ID}", "warning")
