# eval: vulnerable
# Ariadne: the merchant portal's GraphQL resolver returns the partner's Vipps key set.
from ariadne import QueryType
from django.conf import settings

query = QueryType()


@query.field("vippsIntegration")
def resolve_vipps_integration(_, info):
    merchant = info.context["request"].user.merchant
    # ruleid: KL301
    return {"msn": merchant.msn, "clientId": settings.VIPPS_CLIENT_ID, "clientSecret": settings.VIPPS_CLIENT_SECRET}
