# eval: safe
# smtplib + email.message: the e-mail names the MSN; the key is used by the partner only.
import os
import smtplib
from email.message import EmailMessage

VIPPS_SUBSCRIPTION_KEY = os.environ["VIPPS_SUBSCRIPTION_KEY"]


def mail_credentials(merchant):
    activate(merchant.msn, VIPPS_SUBSCRIPTION_KEY)
    msg = EmailMessage()
    msg["Subject"] = "Your Vipps MobilePay integration"
    msg["To"] = merchant.email
    msg.set_content(f"MSN: {merchant.msn}\nYour sales unit is active.\n")
    with smtplib.SMTP("localhost") as smtp:
        smtp.send_message(msg)
