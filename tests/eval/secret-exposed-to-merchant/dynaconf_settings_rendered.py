# eval: vulnerable
# Dynaconf: the Flask admin page for merchants shows the Vipps settings it loaded.
from dynaconf import FlaskDynaconf
from flask import Flask, render_template

app = Flask(__name__)
FlaskDynaconf(app, envvar_prefix="SHOP")


@app.get("/merchant/vipps")
def vipps_page():
    # ruleid: KL301
    return render_template("vipps.html", msn=app.config.VIPPS_MSN, client_secret=app.config.VIPPS_CLIENT_SECRET)
