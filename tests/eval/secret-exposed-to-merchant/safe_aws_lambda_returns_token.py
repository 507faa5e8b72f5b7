# eval: safe
# AWS Lambda: the POS bootstrap function returns how long the cached token lasts, not the token.
import json
import os

import requests


def lambda_handler(event, context):
    r = requests.post("https://api.vipps.no/accesstoken/get", headers={
        "client_id": os.environ["VIPPS_CLIENT_ID"], "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
        "Ocp-Apim-Subscription-Key": os.environ["VIPPS_SUBSCRIPTION_KEY"]})
    return {"statusCode": 200, "body": json.dumps({"expires_in": r.json()["expires_in"]})}
