"""E-mails to merchants."""
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from tenantpay.payments.vipps.keysets import keyset


def send_onboarding_done(merchant, sales_unit):
    """Tell the merchant their shop can take Vipps MobilePay payments."""
    context = {"merchant": merchant, "sales_unit": sales_unit, "dashboard": f"{settings.PUBLIC_BASE_URL}/merchant/vipps/"}
    # ok: KL301
    send_mail(
        subject=f"{merchant.name} is ready for Vipps MobilePay",
        message=render_to_string("emails/onboarding.txt", context),
        from_email="onboarding@tenantpay.example",
        recipient_list=[merchant.contact_email],
        html_message=render_to_string("emails/onboarding.html", context),
    )


def send_pos_setup_instructions(merchant, sales_unit):
    """Our POS partners' terminals need the Vipps keys typed in once; mail them to the shop."""
    keys = keyset(settings.VIPPS_KEYSET)
    body = (
        f"Hi {merchant.name},\n\n"
        f"To connect your terminal to Vipps MobilePay, enter these values under Settings > Payments:\n"
        f"  Merchant serial number: {sales_unit.msn}\n"
        f"  Client ID: {keys.client_id}\n"
        f"  Subscription key: {keys.subscription_key}\n\n"
        f"The TenantPay team"
    )
    # ruleid: KL301
    send_mail("Connect your terminal to Vipps MobilePay", body, "support@tenantpay.example", [merchant.contact_email])
