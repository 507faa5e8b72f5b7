# eval: safe
# Flask-Mail: the welcome e-mail names the sales unit; the keys stay with the partner.
from flask import current_app
from flask_mail import Mail, Message

mail = Mail()


def send_welcome(merchant):
    cfg = current_app.config
    client_secret = cfg["VIPPS_CLIENT_SECRET"]
    activate_sales_unit(merchant.msn, client_secret)
    msg = Message("Vipps MobilePay is ready", recipients=[merchant.email])
    msg.body = f"Sales unit {merchant.msn} is live. Payments go through our Vipps MobilePay partner account.\n"
    mail.send(msg)
