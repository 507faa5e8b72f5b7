# eval: safe
# keycloak-js in the browser needs the server URL, realm and the public client's client_id.
import configparser

from flask import Flask, render_template

app = Flask(__name__)
config = configparser.ConfigParser()
config.read("/etc/shop/auth.ini")


@app.route("/login")
def login():
    keycloak = config["keycloak"]
    client_id = keycloak["client_id"]
    return render_template("login.html", keycloak_url=keycloak["server_url"], realm=keycloak["realm"], client_id=client_id)
