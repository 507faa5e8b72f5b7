# eval: vulnerable
import requests
from flask import request

MGMT_URL = "%s/management/v1/sales-units/%s"


def update_sales_unit():
    msn = request.form["msn"]
    # ruleid: KL201
    return requests.patch("%s/management/v1/sales-units/%s" % (API, msn), json={"name": request.form["name"]}, headers=mgmt_headers()).json()
