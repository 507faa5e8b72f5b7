# eval: safe
# A shop exports, to the merchant, the Mollie Connect credentials that merchant entered themselves.
import csv
import io

from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import HttpResponse


class MollieSettings(models.Model):
    shop = models.OneToOneField("shops.Shop", on_delete=models.CASCADE)
    profile_id = models.CharField(max_length=32)
    client_id = models.CharField(max_length=64)
    client_secret = models.CharField(max_length=128)
    api_key = models.CharField(max_length=64)


@login_required
def export_settings(request):
    mollie = MollieSettings.objects.get(shop=request.user.shop)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["profile_id", "client_id", "client_secret", "api_key"])
    writer.writerow([mollie.profile_id, mollie.client_id, mollie.client_secret, mollie.api_key])
    return HttpResponse(buffer.getvalue(), content_type="text/csv")
