# eval: vulnerable
# The view module never says Vipps; the token it returns comes from the Vipps token call in tokens.py.
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from pos.tokens import fetch_token


@login_required
def terminal_session(request):
    token = fetch_token()
    # ruleid: KL301
    return JsonResponse({"terminal": request.GET.get("terminal"), "token": token})
