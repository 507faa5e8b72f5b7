# eval: safe
from flask import render_template
from flask_login import current_user


def dashboard():
    merchant = current_user.merchant
    return render_template("dashboard.html", merchant=merchant, msn=merchant.msn, shop_name=merchant.name)
