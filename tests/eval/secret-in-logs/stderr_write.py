# eval: vulnerable
import os
import sys

CLIENT_SECRET = os.environ.get("VIPPS_CLIENT_SECRET", "")


def check():
    if not CLIENT_SECRET.strip():
        sys.stderr.write("no secret\n")
    # ruleid: KL401
    sys.stderr.write(f"using client secret {CLIENT_SECRET}\n")
