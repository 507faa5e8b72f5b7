# eval: vulnerable
# Celery: the view hands the MSN from the form to a task, which calls Vipps with it.
import requests
from celery import shared_task
from django.http import JsonResponse


@shared_task
def capture_later(msn, reference, amount):
    # ruleid: KL201
    headers = {**partner_headers(), "Merchant-Serial-Number": msn}
    requests.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/capture", headers=headers,
                  json={"modificationAmount": {"currency": "NOK", "value": amount}})


def capture(request, reference):
    capture_later.delay(request.POST["msn"], reference, int(request.POST["amount"]))
    return JsonResponse({"queued": True})
