# eval: safe
# Azure Functions: the route names the payment; the MSN is this function app's own sales unit.
import json
import os

import azure.functions as func
import requests

app = func.FunctionApp()


@app.route(route="payments/{reference}", auth_level=func.AuthLevel.FUNCTION)
def payment(req: func.HttpRequest) -> func.HttpResponse:
    reference = req.route_params.get("reference")
    r = requests.get(f"https://api.vipps.no/epayment/v1/payments/{reference}",
                     headers={**auth_headers(), "Merchant-Serial-Number": os.environ["VIPPS_MSN"]})
    return func.HttpResponse(json.dumps(r.json()), mimetype="application/json")
