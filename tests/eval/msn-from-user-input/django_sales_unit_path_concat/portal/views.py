from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_POST

from portal.vipps.management import ManagementClient


@login_required
@require_POST
def rename_sales_unit(request):
    # The MSN comes from the form: any merchant can rename another merchant's sales unit.
    unit = ManagementClient().rename_sales_unit(request.POST["msn"], request.POST["name"])
    return JsonResponse(unit)


@login_required
def sales_unit(request):
    return JsonResponse(ManagementClient().sales_unit(request.GET["msn"]))


@login_required
@require_POST
def close_sales_unit(request):
    ManagementClient().close_sales_unit(request.POST["msn"])
    return HttpResponse(status=204)
