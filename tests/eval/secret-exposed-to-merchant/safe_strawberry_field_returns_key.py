# eval: safe
# Strawberry: the POS setup query says whether a key is configured; the terminal calls our proxy.
import os

import strawberry

VIPPS_SUBSCRIPTION_KEY = os.environ["VIPPS_SUBSCRIPTION_KEY"]


@strawberry.type
class PosSetup:
    msn: str
    api_base: str
    subscription_key_configured: bool


@strawberry.type
class Query:
    @strawberry.field
    def pos_setup(self, info) -> PosSetup:
        merchant = info.context["request"].user.merchant
        return PosSetup(msn=merchant.msn, api_base="/pos/proxy", subscription_key_configured=bool(VIPPS_SUBSCRIPTION_KEY))
