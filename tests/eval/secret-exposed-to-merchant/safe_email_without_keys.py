# eval: safe
from django.core.mail import send_mail


def welcome(merchant):
    send_mail("Welcome", f"Sales unit {merchant.msn} ({merchant.name}) can now take payments.", "noreply@partner.example", [merchant.email])
