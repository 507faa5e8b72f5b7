# eval: safe
# Azure Functions: the JSON body names the payment; the MSN is the function app's own, from its settings.
import json
import os

import azure.functions as func
import requests

app = func.FunctionApp()


@app.route(route="refund", methods=["POST"])
def refund(req: func.HttpRequest) -> func.HttpResponse:
    payload = req.get_json()
    msn = os.environ["VIPPS_MSN"]
    r = requests.post(
        f"https://api.vipps.no/epayment/v1/payments/{payload['reference']}/refund",
        headers={**vipps_headers(), "Merchant-Serial-Number": msn},
        json={"modificationAmount": {"currency": "NOK", "value": payload["amount"]}},
    )
    return func.HttpResponse(json.dumps(r.json()), status_code=r.status_code, mimetype="application/json")
