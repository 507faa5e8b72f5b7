# eval: safe
from flask import jsonify
from flask_login import current_user


def payment_status(reference):
    token = vipps.get_access_token()
    status = vipps_get(f"/epayment/v1/payments/{reference}", token=token, msn=current_user.merchant.msn)
    return jsonify({"reference": reference, "state": status["state"]})
