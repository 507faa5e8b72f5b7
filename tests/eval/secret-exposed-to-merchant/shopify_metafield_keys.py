# eval: vulnerable
# ShopifyAPI: the app stores the partner's Vipps client secret as a metafield in the merchant's shop.
import os

import shopify

VIPPS_CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]


def install(shop_url, access_token, msn):
    with shopify.Session.temp(shop_url, "2024-01", access_token):
        shopify.Metafield(dict(namespace="vipps", key="msn", value=msn, type="single_line_text_field")).save()
        # ruleid: KL301
        shopify.Metafield(dict(namespace="vipps", key="client_secret", value=VIPPS_CLIENT_SECRET, type="single_line_text_field")).save()
