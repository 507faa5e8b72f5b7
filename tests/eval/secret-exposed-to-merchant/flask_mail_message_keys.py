# eval: vulnerable
# Flask-Mail: the welcome e-mail to a new merchant carries the partner's Vipps keys.
from flask import current_app
from flask_mail import Mail, Message

mail = Mail()


def send_welcome(merchant):
    cfg = current_app.config
    msg = Message("Vipps MobilePay is ready", recipients=[merchant.email])
    # ruleid: KL301
    msg.body = f"Sales unit {merchant.msn} is live.\nclient_id: {cfg['VIPPS_CLIENT_ID']}\nclient_secret: {cfg['VIPPS_CLIENT_SECRET']}\n"
    mail.send(msg)
