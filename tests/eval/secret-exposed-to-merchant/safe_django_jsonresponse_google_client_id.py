# eval: safe
# The front end needs the Google OAuth client_id (public) to draw the sign-in button.
from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse


def auth_config(request):
    return JsonResponse({
        "client_id": settings.GOOGLE_OAUTH_CLIENT_ID,
        "redirect_uri": request.build_absolute_uri(reverse("google_callback")),
        "scope": "openid email profile",
    })
