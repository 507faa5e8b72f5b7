# eval: vulnerable
# Azure Functions: an HTTP trigger hands the partner's Vipps token to the merchant's POS.
import json
import os

import azure.functions as func
import requests

app = func.FunctionApp()


@app.route(route="pos/token")
def pos_token(req: func.HttpRequest) -> func.HttpResponse:
    r = requests.post("https://api.vipps.no/accesstoken/get", headers={
        "client_id": os.environ["VIPPS_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"],
    })
    # ruleid: KL301
    return func.HttpResponse(json.dumps({"token": r.json()["access_token"]}), mimetype="application/json")
