# eval: vulnerable
import requests
from django.http import JsonResponse


def ledgers(request):
    msn = request.GET.get("msn")
    url = "{}/settlement/v1/ledgers?msn={}".format(API, msn)
    # ruleid: KL201
    resp = requests.get(url, headers=accounting_headers())
    return JsonResponse(resp.json())
