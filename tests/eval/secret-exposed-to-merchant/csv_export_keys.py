# eval: vulnerable
import csv

from django.conf import settings
from django.http import HttpResponse


def export_shops(request):
    response = HttpResponse(content_type="text/csv")
    writer = csv.writer(response)
    for shop in request.user.shops.all():
        # ruleid: KL301
        writer.writerow([shop.name, shop.msn, settings.VIPPS_CLIENT_ID])
    return response
