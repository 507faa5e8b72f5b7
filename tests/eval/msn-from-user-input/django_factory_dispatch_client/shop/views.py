from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from shop.clients import client_for


@login_required
@require_POST
def update_qr(request, qr_id):
    # The sales unit comes from the form: a merchant can repoint another merchant's QR code.
    qr = client_for("qr", request.user.merchant).update_redirect(request.POST["msn"], qr_id, request.POST["redirect_url"])
    return JsonResponse(qr)
