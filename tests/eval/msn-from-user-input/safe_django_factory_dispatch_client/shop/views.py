from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from shop.clients import client_for


@login_required
@require_POST
def update_qr(request, qr_id):
    merchant = request.user.merchant
    qr = client_for("qr", merchant).update_redirect(merchant.msn, qr_id, request.POST["redirect_url"])
    return JsonResponse(qr)
