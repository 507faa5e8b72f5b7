# eval: safe
from flask import jsonify
from flask_login import current_user


def webhook_settings():
    hook = current_user.merchant.webhook
    return jsonify({"url": hook.url, "events": hook.events})
