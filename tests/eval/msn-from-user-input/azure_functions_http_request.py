# eval: vulnerable
# Azure Functions (Python v2 model): the route parameter of an HTTP trigger.
import json

import azure.functions as func
import requests

app = func.FunctionApp()


@app.route(route="sales-units/{msn}", auth_level=func.AuthLevel.FUNCTION)
def sales_unit(req: func.HttpRequest) -> func.HttpResponse:
    msn = req.route_params.get("msn")
    # ruleid: KL201
    r = requests.get(f"https://api.vipps.no/management/v1/sales-units/{msn}", headers=management_headers())
    return func.HttpResponse(json.dumps(r.json()), mimetype="application/json")
