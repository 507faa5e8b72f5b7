# eval: vulnerable
# A CSV export for the merchant's accountant copies the partner's MobilePay credentials in.
import csv
import io
import os

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


class MobilePayCredentials:
    client_id = os.environ.get("MP_CLIENT_ID", "")
    client_secret = os.environ.get("MP_CLIENT_SECRET", "")
    subscription_key = os.environ.get("MP_SUBSCRIPTION_KEY", "")


@login_required
def export_setup(request):
    merchant = request.user.merchant
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["msn", "client_id", "client_secret", "subscription_key"])
    # ruleid: KL301
    writer.writerow([merchant.msn, MobilePayCredentials.client_id, MobilePayCredentials.client_secret, MobilePayCredentials.subscription_key])
    return HttpResponse(buffer.getvalue(), content_type="text/csv")
