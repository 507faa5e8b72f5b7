# eval: vulnerable
# Partner credentials read from the [vipps] section of an ini file end up on the merchant's set-up page.
import configparser

from flask import Flask, render_template
from flask_login import current_user, login_required

app = Flask(__name__)
config = configparser.ConfigParser()
config.read("/etc/shop/payments.ini")


@app.route("/merchant/integration")
@login_required
def integration():
    credentials = config["vipps"]
    client_secret = credentials["client_secret"]
    # ruleid: KL301
    return render_template("integration.html", merchant=current_user.merchant, client_id=credentials["client_id"], client_secret=client_secret)
