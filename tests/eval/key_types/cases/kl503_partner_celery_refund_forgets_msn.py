"""Order service tasks (partner keys, httpx). Payment creation names the
merchant; the refund task, added later, forgot the header."""
import httpx
from celery import shared_task
from django.conf import settings

from orders.models import Order

BASE_URL = "https://api.vipps.no"


def get_partner_token(client: httpx.Client) -> str:
    r = client.post(f"{BASE_URL}/accesstoken/get", headers={
        "client_id": settings.VIPPS_PARTNER_CLIENT_ID,
        "client_secret": settings.VIPPS_PARTNER_CLIENT_SECRET,
        "Ocp-Apim-Subscription-Key": settings.VIPPS_PARTNER_SUBSCRIPTION_KEY})
    r.raise_for_status()
    return r.json()["access_token"]


def _auth(client: httpx.Client) -> dict:
    return {"Authorization": f"Bearer {get_partner_token(client)}",
            "Ocp-Apim-Subscription-Key": settings.VIPPS_PARTNER_SUBSCRIPTION_KEY}


@shared_task
def start_payment(order_id: int) -> None:
    order = Order.objects.select_related("shop").get(pk=order_id)
    with httpx.Client(timeout=15) as client:
        # ok: KL503
        r = client.post(f"{BASE_URL}/epayment/v1/payments",
                        headers={**_auth(client), "Merchant-Serial-Number": order.shop.msn,
                                 "Idempotency-Key": f"create-{order.pk}"},
                        json={"amount": {"currency": "NOK", "value": order.total_ore}, "reference": order.reference,
                              "paymentMethod": {"type": "WALLET"}, "userFlow": "WEB_REDIRECT",
                              "returnUrl": order.return_url})
        r.raise_for_status()


@shared_task
def refund_order(order_id: int, amount_ore: int) -> None:
    order = Order.objects.get(pk=order_id)
    with httpx.Client(timeout=15) as client:
        # ruleid: KL503
        r = client.post(f"{BASE_URL}/epayment/v1/payments/{order.reference}/refund",
                        headers={**_auth(client), "Idempotency-Key": f"refund-{order.pk}-{amount_ore}"},
                        json={"modificationAmount": {"currency": "NOK", "value": amount_ore}})
        r.raise_for_status()
