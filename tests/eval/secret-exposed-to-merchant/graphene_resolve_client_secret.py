# eval: vulnerable
# Graphene: a resolver on the merchant settings type returns the partner client secret.
import graphene
from django.conf import settings


class VippsSettings(graphene.ObjectType):
    msn = graphene.String()
    client_secret = graphene.String()

    def resolve_msn(root, info):
        return info.context.user.merchant.msn

    def resolve_client_secret(root, info):
        # ruleid: KL301
        return settings.VIPPS_CLIENT_SECRET
