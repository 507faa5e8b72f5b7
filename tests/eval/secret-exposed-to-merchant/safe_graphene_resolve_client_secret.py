# eval: safe
# Graphene: the resolver shows the last characters of the client secret only.
import graphene
from django.conf import settings


class VippsSettings(graphene.ObjectType):
    msn = graphene.String()
    client_secret_hint = graphene.String()

    def resolve_msn(root, info):
        return info.context.user.merchant.msn

    def resolve_client_secret_hint(root, info):
        return "…" + settings.VIPPS_CLIENT_SECRET[-4:]
