# eval: safe
from flask import render_template

CLIENT_SECRET_ENV = "VIPPS_CLIENT_SECRET"
SUBSCRIPTION_KEY_HEADER = "Ocp-Apim-Subscription-Key"


def help_page():
    return render_template("help.html", secret_env=CLIENT_SECRET_ENV, header_name=SUBSCRIPTION_KEY_HEADER)
