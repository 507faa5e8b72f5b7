# eval: safe
# Rollbar: the configuration report sends the client secret's length.
import os

import rollbar

VIPPS_CLIENT_ID = os.environ["VIPPS_CLIENT_ID"]
VIPPS_CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]


def check_config():
    if len(VIPPS_CLIENT_SECRET) != 40:
        rollbar.report_message(f"unexpected Vipps client secret length {len(VIPPS_CLIENT_SECRET)} for {VIPPS_CLIENT_ID}", "warning")
