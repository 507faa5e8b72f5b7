# eval: safe
# ShopifyAPI: the app stores the MSN in the merchant's shop and keeps the Vipps client secret on its server.
import os

import shopify

VIPPS_CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]


def install(shop_url, access_token, msn):
    register_sales_unit(msn, VIPPS_CLIENT_SECRET)
    with shopify.Session.temp(shop_url, "2024-01", access_token):
        shopify.Metafield(dict(namespace="vipps", key="msn", value=msn, type="single_line_text_field")).save()
