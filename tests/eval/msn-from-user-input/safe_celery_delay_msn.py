# eval: safe
# Celery: the view queues the logged-in merchant's own MSN.
import requests
from celery import shared_task
from django.http import JsonResponse


@shared_task
def capture_later(msn, reference, amount):
    headers = {**partner_headers(), "Merchant-Serial-Number": msn}
    requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers=headers,
                  json={"modificationAmount": {"currency": "NOK", "value": amount}})


def capture(request, reference):
    capture_later.delay(request.user.merchant.msn, reference, int(request.POST["amount"]))
    return JsonResponse({"queued": True})
