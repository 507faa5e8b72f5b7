# eval: safe
# Huey: the view calls the task with the logged-in merchant's MSN.
import requests
from flask import Flask, request
from flask_login import current_user, login_required
from huey import RedisHuey

app = Flask(__name__)
huey = RedisHuey("shop")


@huey.task(retries=3)
def charge(agreement_id, msn, amount):
    requests.post(
        f"https://api.vipps.no/recurring/v3/agreements/{agreement_id}/charges",
        headers={**vipps_headers(), "Merchant-Serial-Number": msn},
        json={"amount": amount, "transactionType": "DIRECT_CAPTURE", "description": "Monthly"},
    )


@app.post("/charges")
@login_required
def create_charge():
    charge(request.form["agreement_id"], current_user.merchant.msn, int(request.form["amount"]))
    return {"queued": True}
