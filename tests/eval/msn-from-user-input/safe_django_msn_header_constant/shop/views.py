from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from shop.vipps.epayment import capture


@login_required
@require_POST
def capture_order(request, reference):
    result = capture(request.user.merchant.msn, reference, int(request.POST["amount"]), request.headers["Idempotency-Key"])
    return JsonResponse(result)
