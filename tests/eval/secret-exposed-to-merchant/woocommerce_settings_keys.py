# eval: vulnerable
# WooCommerce REST API: the partner writes its own Vipps keys into the merchant's shop settings.
from django.conf import settings
from woocommerce import API


def configure_shop(shop):
    wcapi = API(url=shop.url, consumer_key=shop.wc_key, consumer_secret=shop.wc_secret, version="wc/v3")
    # ruleid: KL301
    wcapi.put("payment_gateways/vipps", {"enabled": True, "settings": {"merchant_serial_number": shop.msn,
                                                                       "client_secret": settings.VIPPS_CLIENT_SECRET}})
