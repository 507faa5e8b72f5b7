# eval: vulnerable
# Graphene: the arguments of a mutation are the client's.
import graphene
import requests


class CapturePayment(graphene.Mutation):
    class Arguments:
        msn = graphene.String(required=True)
        reference = graphene.String(required=True)

    ok = graphene.Boolean()

    def mutate(root, info, msn, reference):
        # ruleid: KL201
        headers = {**partner_headers(), "Merchant-Serial-Number": msn}
        r = requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers=headers, json={})
        return CapturePayment(ok=r.ok)
