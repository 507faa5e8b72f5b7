# eval: safe
# A merchant's connection-status page: when the partner token expires and for which app, not the token.
import jwt
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from .vipps import token_cache


@login_required
def connection_status(request):
    access_token = token_cache.get("vipps_access_token")
    if access_token is None:
        return JsonResponse({"connected": False})
    claims = jwt.decode(access_token, options={"verify_signature": False})
    return JsonResponse({"connected": True, "expires_at": claims["exp"], "issued_at": claims["iat"], "msn": request.user.merchant.msn})
