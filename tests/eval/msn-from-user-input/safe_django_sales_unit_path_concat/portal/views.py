from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_POST

from portal.vipps.management import ManagementClient


@login_required
@require_POST
def rename_sales_unit(request):
    unit = ManagementClient().rename_sales_unit(request.user.merchant.msn, request.POST["name"])
    return JsonResponse(unit)


@login_required
def agreement(request, agreement_id):
    return JsonResponse(ManagementClient().agreement(request.user.merchant.msn, agreement_id))


@login_required
def agreement_charges(request):
    return JsonResponse(ManagementClient().agreement_charges(request.user.merchant.msn, request.GET["agreement"]))


@login_required
@require_POST
def stop_agreement(request):
    ManagementClient().stop_agreement(request.user.merchant.msn, request.POST["agreement"])
    return HttpResponse(status=204)
