# eval: vulnerable
# AWS Lambda: the POS bootstrap function returns a Vipps access token to the terminal.
import json
import os

import requests


def lambda_handler(event, context):
    r = requests.post("https://api.vipps.no/accesstoken/get", headers={
        "client_id": os.environ["VIPPS_CLIENT_ID"], "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]})
    # ruleid: KL301
    return {"statusCode": 200, "body": json.dumps({"token": r.json()["access_token"]})}
