from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from shop.vipps.epayment import capture


@login_required
@require_POST
def capture_order(request, reference):
    # The sales unit comes from the form: a merchant can capture another merchant's payment.
    result = capture(request.POST["msn"], reference, int(request.POST["amount"]), request.headers["Idempotency-Key"])
    return JsonResponse(result)
