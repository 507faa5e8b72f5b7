# eval: vulnerable
import os


def debug_env():
    # Dumps VIPPS_CLIENT_SECRET and VIPPS_SUBSCRIPTION_KEY with everything else.
    # ruleid: KL401
    print(dict(os.environ))
