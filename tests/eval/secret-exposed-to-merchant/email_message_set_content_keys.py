# eval: vulnerable
# smtplib + email.message: the key is written into the e-mail body with set_content and mailed to the merchant.
import os
import smtplib
from email.message import EmailMessage

VIPPS_SUBSCRIPTION_KEY = os.environ["VIPPS_SUBSCRIPTION_KEY"]


def mail_credentials(merchant):
    msg = EmailMessage()
    msg["Subject"] = "Your Vipps MobilePay integration"
    msg["To"] = merchant.email
    msg.set_content(f"MSN: {merchant.msn}\nOcp-Apim-Subscription-Key: {VIPPS_SUBSCRIPTION_KEY}\n")
    with smtplib.SMTP("localhost") as smtp:
        # ruleid: KL301
        smtp.send_message(msg)
