# eval: vulnerable
# Huey: a Flask view calls a task with the MSN from the form; the task charges that sales unit.
import requests
from flask import Flask, request
from huey import RedisHuey

app = Flask(__name__)
huey = RedisHuey("shop")


@huey.task(retries=3)
def charge(agreement_id, msn, amount):
    requests.post(
        f"https://api.vipps.no/recurring/v3/agreements/{agreement_id}/charges",
        # ruleid: KL201
        headers={**vipps_headers(), "Merchant-Serial-Number": msn},
        json={"amount": amount, "transactionType": "DIRECT_CAPTURE", "description": "Monthly"},
    )


@app.post("/charges")
def create_charge():
    charge(request.form["agreement_id"], request.form["msn"], int(request.form["amount"]))
    return {"queued": True}
