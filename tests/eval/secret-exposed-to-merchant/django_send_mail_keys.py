# eval: vulnerable
from django.conf import settings
from django.core.mail import send_mail


def send_pos_instructions(merchant):
    body = (
        f"Hi {merchant.name},\n\n"
        f"Client ID: {settings.VIPPS_CLIENT_ID}\n"
        f"Subscription key: {settings.VIPPS_SUBSCRIPTION_KEY}\n"
    )
    # ruleid: KL301
    send_mail("Your POS setup", body, "support@partner.example", [merchant.email])
