# eval: safe
# A backend-for-frontend proxy for Auth0's token endpoint: the SPA gets its own user's tokens.
import os

import requests
from django.http import HttpResponse
from django.views.decorators.http import require_POST


@require_POST
def token_proxy(request):
    resp = requests.post(
        f"https://{os.environ['AUTH0_DOMAIN']}/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": request.POST["code"],
            "redirect_uri": request.POST["redirect_uri"],
            "client_id": os.environ["AUTH0_CLIENT_ID"],
            "client_secret": os.environ["AUTH0_CLIENT_SECRET"],
        },
        timeout=10,
    )
    return HttpResponse(resp.content, status=resp.status_code, content_type="application/json")
