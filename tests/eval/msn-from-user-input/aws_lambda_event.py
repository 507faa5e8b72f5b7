# eval: vulnerable
# AWS Lambda behind API Gateway: the query string of the event.
import json
import os

import requests


def lambda_handler(event, context):
    msn = event["queryStringParameters"]["msn"]
    # ruleid: KL201
    r = requests.get(f"https://api.vipps.no/settlement/v1/ledgers?msn={msn}", headers=report_headers(os.environ["VIPPS_ACCOUNTING_SECRET_ARN"]))
    return {"statusCode": 200, "body": json.dumps(r.json())}
