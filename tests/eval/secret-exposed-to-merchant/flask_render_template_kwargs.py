# eval: vulnerable
from flask import render_template
from flask_login import current_user

from portal import settings


def pos_setup():
    # ruleid: KL301
    return render_template("pos_setup.html", merchant=current_user.merchant, subscription_key=settings.VIPPS_SUBSCRIPTION_KEY)
