# eval: safe
# Graphene: the mutation names the payment; the MSN is the context user's own merchant's.
import graphene
import requests


class CapturePayment(graphene.Mutation):
    class Arguments:
        reference = graphene.String(required=True)

    ok = graphene.Boolean()

    def mutate(root, info, reference):
        headers = {**partner_headers(), "Merchant-Serial-Number": info.context.user.merchant.msn}
        r = requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers=headers, json={})
        return CapturePayment(ok=r.ok)
