# eval: vulnerable
import os


def provision(merchant):
    # The merchant's POS reads its credentials from its own row.
    # ruleid: KL301
    merchant.api_key = os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"]
    merchant.save(update_fields=["api_key"])
