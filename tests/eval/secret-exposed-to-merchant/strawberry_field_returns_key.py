# eval: vulnerable
# Strawberry: the POS setup query hands the terminal the subscription key.
import os

import strawberry

VIPPS_SUBSCRIPTION_KEY = os.environ["VIPPS_SUBSCRIPTION_KEY"]


@strawberry.type
class PosSetup:
    msn: str
    api_base: str
    subscription_key: str


@strawberry.type
class Query:
    @strawberry.field
    def pos_setup(self, info) -> PosSetup:
        merchant = info.context["request"].user.merchant
        # ruleid: KL301
        return PosSetup(msn=merchant.msn, api_base="https://api.vipps.no", subscription_key=VIPPS_SUBSCRIPTION_KEY)
