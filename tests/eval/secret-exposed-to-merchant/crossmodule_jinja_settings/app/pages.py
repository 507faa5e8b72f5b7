# eval: vulnerable
from jinja2 import Template

from .settings import PARTNER_SUBSCRIPTION_KEY

PAGE = Template("<p>Your key: {{ key }}</p>")


def setup_page(merchant):
    # ruleid: KL301
    return PAGE.render(key=PARTNER_SUBSCRIPTION_KEY, merchant=merchant)
