"""ShopHub merchant portal: payment requests, captures, refunds and POS pairing for our shops."""
import logging
import uuid

from flask import Flask, abort, jsonify, render_template, request, url_for

from shophub import models, settings
from shophub.models import allowed_msns, current_user, login_required
from shophub.vipps_client import VippsClient

app = Flask(__name__)
app.secret_key = settings.SECRET_KEY
app.config["VIPPS_SUBSCRIPTION_KEY"] = settings.PARTNER_SUBSCRIPTION_KEY
vipps = VippsClient()
log = logging.getLogger(__name__)


@app.get("/")
@login_required
def dashboard():
    merchant = current_user.merchant
    # ok: KL301
    return render_template("dashboard.html", merchant=merchant, msn=merchant.msn)


@app.get("/settings/vipps")
@login_required
def vipps_settings():
    # Support kept getting "what do I type into the POS plugin?" tickets, so we show it here.
    # ruleid: KL301
    return render_template("merchant_settings.html", merchant=current_user.merchant, client_id=settings.PARTNER_CLIENT_ID, client_secret=settings.PARTNER_CLIENT_SECRET)


@app.get("/api/pos/config")
@login_required
def pos_config():
    merchant = current_user.merchant
    # ruleid: KL301
    return jsonify({"msn": merchant.msn, "apiBaseUrl": settings.API_BASE_URL, "subscriptionKey": settings.PARTNER_SUBSCRIPTION_KEY})


@app.post("/api/pos/pair")
@login_required
def pair_pos_terminal():
    merchant = current_user.merchant
    # The terminal reads the token back from the merchant record when it boots.
    # ruleid: KL301
    merchant.pos_api_token = vipps.access_token()
    models.save_merchant(merchant)
    # ok: KL301
    return jsonify({"paired": True, "msn": merchant.msn, "name": merchant.name})


@app.post("/orders/<int:order_id>/payment-request")
@login_required
def payment_request(order_id):
    merchant = current_user.merchant
    order = models.get_order(order_id, merchant_id=merchant.id) or abort(404)
    reference = f"shophub-{order.id}-{uuid.uuid4().hex[:10]}"
    return_url = url_for("dashboard", _external=True)
    payment = vipps.create_payment(merchant.msn, order.total_minor, reference, return_url, phone=order.customer_phone)
    # ok: KL401
    log.info("payment request %s sent for msn %s", reference, merchant.msn)
    # ok: KL301
    return jsonify({"reference": reference, "redirectUrl": payment["redirectUrl"]})


@app.post("/orders/<reference>/capture")
@login_required
def capture(reference):
    # The order page posts the sales unit in a hidden field next to the amount.
    result = vipps.capture_payment(request.form["msn"], reference, int(request.form["amount"]))
    return jsonify({"reference": reference, "state": result.get("state")})


@app.post("/orders/<reference>/refund")
@login_required
def refund(reference):
    msn = request.form["msn"]
    if msn not in allowed_msns(current_user):
        abort(403)
    result = vipps.refund_payment(msn, reference, int(request.form["amount"]))
    return jsonify({"reference": reference, "state": result.get("state")})


@app.post("/orders/<reference>/cancel")
@login_required
def cancel(reference):
    result = vipps.cancel_payment(reference)
    return jsonify({"reference": reference, "state": result.get("state")})


@app.get("/sales-units/<msn>")
@login_required
def sales_unit(msn):
    unit = vipps.get_sales_unit(msn)
    return jsonify({"msn": msn, "name": unit.get("name"), "status": unit.get("status")})
