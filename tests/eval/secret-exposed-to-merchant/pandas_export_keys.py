# eval: vulnerable
# pandas: the sales-unit export a merchant downloads includes the partner's client secret column.
import pandas as pd
from django.conf import settings
from django.http import HttpResponse


def export_sales_units(request):
    rows = [{"msn": su.msn, "name": su.name, "client_id": settings.VIPPS_CLIENT_ID,
             "client_secret": settings.VIPPS_CLIENT_SECRET} for su in request.user.merchant.sales_units.all()]
    resp = HttpResponse(content_type="text/csv")
    # ruleid: KL301
    pd.DataFrame(rows).to_csv(resp, index=False)
    return resp
