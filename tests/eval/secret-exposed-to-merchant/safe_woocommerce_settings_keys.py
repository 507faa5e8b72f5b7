# eval: safe
# WooCommerce REST API: the merchant's shop gets its own MSN and our proxy URL; the keys stay with us.
from django.conf import settings
from woocommerce import API


def configure_shop(shop):
    wcapi = API(url=shop.url, consumer_key=shop.wc_key, consumer_secret=shop.wc_secret, version="wc/v3")
    wcapi.put("payment_gateways/vipps", {"enabled": True, "settings": {"merchant_serial_number": shop.msn,
                                                                       "proxy_url": settings.VIPPS_PROXY_URL}})
