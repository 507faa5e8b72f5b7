# eval: safe
# The same view; the token comes from the shop's own Auth0 tenant, for the shop's own POS API.
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from pos.tokens import fetch_token


@login_required
def terminal_session(request):
    token = fetch_token()
    return JsonResponse({"terminal": request.GET.get("terminal"), "token": token})
