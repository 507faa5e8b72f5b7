# eval: vulnerable
import requests
from django.views import View
from django.http import JsonResponse


class CapturePaymentView(View):
    def post(self, request, *args, **kwargs):
        msn = self.kwargs["msn"]
        headers = vipps_headers()
        # ruleid: KL201
        headers["Merchant-Serial-Number"] = msn
        resp = requests.post(f"https://api.vipps.no/epayment/v1/payments/{kwargs['reference']}/capture", headers=headers, json=capture_body(request))
        return JsonResponse(resp.json(), status=resp.status_code)
