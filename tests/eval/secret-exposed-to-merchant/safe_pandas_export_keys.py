# eval: safe
# pandas: the export drops the key columns before it is written.
import pandas as pd
from django.conf import settings
from django.http import HttpResponse


def export_sales_units(request):
    rows = [{"msn": su.msn, "name": su.name, "client_id": settings.VIPPS_CLIENT_ID,
             "client_secret_set": bool(settings.VIPPS_CLIENT_SECRET)} for su in request.user.merchant.sales_units.all()]
    resp = HttpResponse(content_type="text/csv")
    pd.DataFrame(rows).drop(columns=["client_id"]).to_csv(resp, index=False)
    return resp
