# eval: safe
# Jinja2 without a framework: the context names the key's last four characters.
import os

from jinja2 import Environment, PackageLoader, select_autoescape

env = Environment(loader=PackageLoader("portal"), autoescape=select_autoescape())


def settings_page(merchant):
    ctx = {"merchant": merchant, "mobilepay_api_key_hint": os.environ["MOBILEPAY_API_KEY"][-4:]}
    return env.get_template("settings.html").render(**ctx)
