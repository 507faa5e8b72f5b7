# eval: vulnerable
import requests
from django import forms
from django.http import JsonResponse


class RefundForm(forms.Form):
    msn = forms.CharField(max_length=7)
    reference = forms.CharField()
    amount = forms.IntegerField()


def refund(request):
    form = RefundForm(request.POST)
    if not form.is_valid():
        return JsonResponse(form.errors, status=400)
    data = form.cleaned_data
    # ruleid: KL201
    headers = {**partner_headers(), "Merchant-Serial-Number": data["msn"]}
    resp = requests.post(f"{API}/epayment/v1/payments/{data['reference']}/refund", headers=headers, json={"modificationAmount": data["amount"]})
    return JsonResponse(resp.json())
