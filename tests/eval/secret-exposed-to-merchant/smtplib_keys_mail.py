# eval: vulnerable
# smtplib: the onboarding mail to a new merchant contains the partner subscription key.
import os
import smtplib
from email.message import EmailMessage

SUBSCRIPTION_KEY = os.environ["VIPPS_SUBSCRIPTION_KEY"]


def send_onboarding(merchant):
    body = f"Welcome! Use MSN {merchant.msn} and subscription key {SUBSCRIPTION_KEY} in your POS."
    with smtplib.SMTP("smtp.partner.example") as smtp:
        # ruleid: KL301
        smtp.sendmail("noreply@partner.example", [merchant.email], body)
