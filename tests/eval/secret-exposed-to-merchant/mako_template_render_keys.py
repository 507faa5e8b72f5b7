# eval: vulnerable
# Mako: the merchant's onboarding page is rendered with the partner's Vipps client secret.
import os

from mako.lookup import TemplateLookup

lookup = TemplateLookup(directories=["templates"])
VIPPS_CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]


def onboarding_page(merchant):
    # ruleid: KL301
    return lookup.get_template("onboarding.mako").render(merchant=merchant, client_secret=VIPPS_CLIENT_SECRET)
