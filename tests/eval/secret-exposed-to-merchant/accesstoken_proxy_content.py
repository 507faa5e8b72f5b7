# eval: vulnerable
# The same proxy shape in front of the Vipps token endpoint: merchants get the partner token.
import os

import requests
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_POST


@login_required
@require_POST
def token_proxy(request):
    resp = requests.post(
        "https://api.vipps.no/accesstoken/get",
        headers={
            "client_id": os.environ["CLIENT_ID"],
            "client_secret": os.environ["CLIENT_SECRET"],
            "Ocp-Apim-Subscription-Key": os.environ["SUBSCRIPTION_KEY"],
            "Merchant-Serial-Number": request.user.merchant.msn,
        },
        timeout=10,
    )
    # ruleid: KL301
    return HttpResponse(resp.content, status=resp.status_code, content_type="application/json")
