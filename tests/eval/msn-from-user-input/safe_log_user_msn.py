# eval: safe
import logging

from flask import request
from flask_login import current_user

log = logging.getLogger(__name__)


def switch_shop():
    wanted = request.form["msn"]
    log.info("user %s asked for sales unit %s", current_user.id, wanted)
    headers = {**auth_headers(), "Merchant-Serial-Number": current_user.merchant.msn}
    return headers
