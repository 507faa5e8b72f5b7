# eval: vulnerable
import requests
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["GET"])
def ledger(request):
    msn = request.query_params["msn"]
    # ruleid: KL201
    resp = requests.get("https://api.vipps.no/settlement/v1/ledgers", params={"msn": msn}, headers=accounting_headers())
    return Response(resp.json())
