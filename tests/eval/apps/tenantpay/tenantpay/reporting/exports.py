"""CSV exports for the merchant's bookkeeping."""
from __future__ import annotations

import csv

from django.http import HttpResponse


def settlement_csv(lines) -> HttpResponse:
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="settlements.csv"'
    writer = csv.writer(response)
    writer.writerow(["date", "msn", "reference", "type", "amount", "fee"])
    for line in lines.select_related("sales_unit"):
        # ok: KL301
        writer.writerow([line.ledger_date, line.sales_unit.msn, line.reference, line.kind, line.amount_ore / 100, line.fee_ore / 100])
    return response
