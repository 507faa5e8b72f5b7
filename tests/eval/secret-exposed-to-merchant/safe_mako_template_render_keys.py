# eval: safe
# Mako: the onboarding page is rendered with whether the client secret is configured.
import os

from mako.lookup import TemplateLookup

lookup = TemplateLookup(directories=["templates"])
VIPPS_CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]


def onboarding_page(merchant):
    return lookup.get_template("onboarding.mako").render(merchant=merchant, client_secret_configured=bool(VIPPS_CLIENT_SECRET))
