# eval: safe
# Azure Functions: the trigger fetches the Vipps token, starts the payment and returns its redirect URL.
import json
import os

import azure.functions as func
import requests

app = func.FunctionApp()


@app.route(route="pos/payment")
def pos_payment(req: func.HttpRequest) -> func.HttpResponse:
    r = requests.post("https://api.vipps.no/accesstoken/get", headers={
        "client_id": os.environ["VIPPS_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"],
    })
    token = r.json()["access_token"]
    p = requests.post("https://api.vipps.no/epayment/v1/payments", json=payment_body(req.get_json()), headers={
        "Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]})
    return func.HttpResponse(json.dumps({"redirectUrl": p.json()["redirectUrl"]}), mimetype="application/json")
