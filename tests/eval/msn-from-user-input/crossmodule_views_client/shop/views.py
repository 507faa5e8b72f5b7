from flask import Blueprint, request

from shop.vipps import capture

bp = Blueprint("orders", __name__)


@bp.post("/orders/<reference>/capture")
def capture_order(reference):
    return capture(request.form["msn"], reference, {"value": int(request.form["amount"]), "currency": "NOK"})
