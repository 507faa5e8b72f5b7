# eval: vulnerable
# Azure Functions: the JSON body of an HTTP trigger names the sales unit.
import json

import azure.functions as func
import requests

app = func.FunctionApp()


@app.route(route="refund", methods=["POST"])
def refund(req: func.HttpRequest) -> func.HttpResponse:
    payload = req.get_json()
    r = requests.post(
        f"https://api.vipps.no/epayment/v1/payments/{payload['reference']}/refund",
        # ruleid: KL201
        headers={**vipps_headers(), "Merchant-Serial-Number": payload["msn"]},
        json={"modificationAmount": {"currency": "NOK", "value": payload["amount"]}},
    )
    return func.HttpResponse(json.dumps(r.json()), status_code=r.status_code, mimetype="application/json")
