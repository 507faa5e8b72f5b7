# eval: safe
import requests
from flask import Flask, request
from flask_login import current_user, login_required

app = Flask(__name__)


@app.post("/orders/<reference>/capture")
@login_required
def capture(reference):
    headers = {"Authorization": f"Bearer {token()}", "Merchant-Serial-Number": current_user.merchant.msn}
    return requests.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=headers, json={"value": int(request.form["amount"])}).json()
