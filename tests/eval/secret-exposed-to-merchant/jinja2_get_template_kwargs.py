# eval: vulnerable
# Jinja2 without a framework: the context dict, unpacked into render().
import os

from jinja2 import Environment, PackageLoader, select_autoescape

env = Environment(loader=PackageLoader("portal"), autoescape=select_autoescape())


def settings_page(merchant):
    ctx = {"merchant": merchant, "mobilepay_api_key": os.environ["MOBILEPAY_API_KEY"]}
    # ruleid: KL301
    return env.get_template("settings.html").render(**ctx)
