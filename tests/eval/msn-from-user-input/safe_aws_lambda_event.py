# eval: safe
# AWS Lambda behind API Gateway: one function per sales unit; the event picks only the date range.
import json
import os

import requests

MSN = os.environ["VIPPS_MSN"]


def lambda_handler(event, context):
    since = event["queryStringParameters"]["since"]
    r = requests.get(f"https://api.vipps.no/settlement/v1/ledgers?msn={MSN}&since={since}", headers=report_headers(os.environ["VIPPS_ACCOUNTING_SECRET_ARN"]))
    return {"statusCode": 200, "body": json.dumps(r.json())}
