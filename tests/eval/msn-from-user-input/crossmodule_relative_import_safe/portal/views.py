from flask_login import current_user

from .client import management_get


def my_sales_unit():
    return management_get(current_user.merchant.msn)
