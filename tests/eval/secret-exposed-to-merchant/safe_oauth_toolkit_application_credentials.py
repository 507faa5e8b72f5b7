# eval: safe
# django-oauth-toolkit: a developer registers their own OAuth application and sees its credentials.
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from oauth2_provider.generators import generate_client_secret
from oauth2_provider.models import get_application_model

Application = get_application_model()


@login_required
@require_POST
def register_application(request):
    client_secret = generate_client_secret()
    app = Application.objects.create(
        user=request.user,
        name=request.POST["name"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=request.POST["redirect_uris"],
        client_secret=client_secret,
    )
    return JsonResponse({"client_id": app.client_id, "client_secret": client_secret}, status=201)
