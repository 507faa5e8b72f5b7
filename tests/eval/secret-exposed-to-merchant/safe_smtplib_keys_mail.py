# eval: safe
# smtplib: the onboarding mail names the MSN and the POS proxy, not the key.
import os
import smtplib

SUBSCRIPTION_KEY = os.environ["VIPPS_SUBSCRIPTION_KEY"]


def send_onboarding(merchant):
    body = f"Welcome! Your POS uses MSN {merchant.msn} through https://partner.example/pos/proxy."
    with smtplib.SMTP("smtp.partner.example") as smtp:
        smtp.sendmail("noreply@partner.example", [merchant.email], body)
