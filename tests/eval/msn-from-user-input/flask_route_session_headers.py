# eval: vulnerable
import requests
from flask import Blueprint

bp = Blueprint("shops", __name__)
session = requests.Session()


@bp.route("/shops/<msn>/refund/<reference>", methods=["POST"])
def refund(msn, reference):
    # ruleid: KL201
    session.headers.update({"Merchant-Serial-Number": msn})
    return session.post(f"https://api.vipps.no/epayment/v1/payments/{reference}/refund", json={"modificationAmount": amount()}).json()
